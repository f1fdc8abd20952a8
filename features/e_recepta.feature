# language: pl
@e-recepta @instrukcja-1
Funkcja: Zamówienie e-recepty na kontynuację leczenia
  Jako pacjent, który stale przyjmuje leki
  Chcę zamówić w iIKP receptę na ich kontynuację i śledzić, co dzieje się z zamówieniem
  Aby lekarz POZ wystawił mi e-receptę bez wizyty w przychodni

  @critical
  Szablon scenariusza: Pacjent zamawia receptę na leki, które przyjmuje przewlekle
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na <leki>
    Wtedy Jan Nowak widzi swoje zamówienie na <leki> ze statusem „Złożone”
    Oraz zamówienie na <leki> trafiło do lekarza „dr n. med. Adam Lekarski” z placówki POZ „Przychodnia Zdrowie”

    Przykłady: Jeden lek i kilka leków w jednym zamówieniu
      | leki                                      |
      | „Metformina 500 mg”                       |
      | „Bisoprolol 5 mg” i „Atorwastatyna 20 mg” |

  @normal
  Scenariusz: Do zamówienia są tylko leki przyjmowane przewlekle
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak przegląda swoje recepty
    Wtedy Jan Nowak może zamówić receptę tylko na „Metformina 500 mg”, „Bisoprolol 5 mg” i „Atorwastatyna 20 mg”
    Oraz Jan Nowak nie może zamówić leku „Amoksycylina 1000 mg”, którego nie przyjmuje przewlekle

  @normal
  Scenariusz: Pacjent anuluje zamówienie, którego lekarz jeszcze nie zaczął realizować
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Oraz Jan Nowak zamówił receptę na „Bisoprolol 5 mg”
    Gdy Jan Nowak anuluje zamówienie na „Bisoprolol 5 mg”
    Wtedy Jan Nowak widzi swoje zamówienie na „Bisoprolol 5 mg” ze statusem „Anulowane”

  @normal @symulator
  Scenariusz: Pacjent nie może anulować zamówienia, które lekarz już realizuje
    Zakładając, że lekarz rozpoczął realizację zamówienia Jana Nowaka na „Metformina 500 mg”
    Oraz Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak przegląda swoje zamówione recepty
    Wtedy Jan Nowak widzi swoje zamówienie na „Metformina 500 mg” ze statusem „W realizacji”
    Ale Jan Nowak nie może anulować zamówienia na „Metformina 500 mg”

  @normal @symulator
  Scenariusz: Pacjent widzi, że lekarz zrealizował zamówienie
    Zakładając, że lekarz zrealizował zamówienie Jana Nowaka na „Atorwastatyna 20 mg”
    Oraz Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak przegląda swoje zamówione recepty
    Wtedy Jan Nowak widzi swoje zamówienie na „Atorwastatyna 20 mg” ze statusem „Zrealizowane”

  @normal @symulator
  Scenariusz: Pacjent widzi, że lekarz odrzucił zamówienie, i czyta jego komentarz
    Zakładając, że lekarz odrzucił zamówienie Jana Nowaka na „Bisoprolol 5 mg” z komentarzem „Proszę zgłosić się na wizytę”
    Oraz Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak przegląda swoje zamówione recepty
    Wtedy Jan Nowak widzi swoje zamówienie na „Bisoprolol 5 mg” ze statusem „Odrzucone”
    Oraz przy zamówieniu na „Bisoprolol 5 mg” widnieje komentarz lekarza „Proszę zgłosić się na wizytę”

  @critical
  Scenariusz: Pacjent bez deklaracji wyboru lekarza POZ nie może zamówić recepty
    Zakładając, że Stanisław Wójcik jest zalogowany w iIKP
    Gdy Stanisław Wójcik próbuje zamówić receptę na „Metformina 500 mg”
    Wtedy Stanisław Wójcik dowiaduje się, że najpierw musi złożyć deklarację wyboru lekarza POZ

  @normal
  Scenariusz: Placówka POZ, która nie przyjmuje zamówień przez IKP, odsyła pacjenta do siebie
    Zakładając, że Maria Zielińska jest zalogowana w iIKP
    Gdy Maria Zielińska próbuje zamówić receptę na „Lewotyroksyna 50 mcg”
    Wtedy Maria Zielińska dowiaduje się, że jej placówka POZ nie realizuje zamówień recept i trzeba się z nią skontaktować

  @minor
  Scenariusz: Zamówienie bez zaznaczonego leku nie zostaje złożone
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak próbuje zamówić receptę, nie zaznaczając żadnego leku
    Wtedy Jan Nowak dowiaduje się, że musi zaznaczyć co najmniej jeden lek
