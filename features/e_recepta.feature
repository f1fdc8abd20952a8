# language: pl
@e-recepta @instrukcja-1
Funkcja: Zamówienie e-recepty na kontynuację leczenia
  Jako pacjent, który stale przyjmuje leki
  Chcę zamówić w iIKP receptę na ich kontynuację i śledzić, co dzieje się z zamówieniem
  Aby lekarz POZ wystawił mi e-receptę bez wizyty w przychodni

  W „Recepty” pacjent zaznacza leki, naciska „Zamów receptę” i potwierdza zamówienie; śledzi je
  w „Zamówione recepty”. Zamówienie trafia do lekarza z ostatniej aktywnej deklaracji POZ. Lekarza
  (stronę placówki) odgrywa symulator albo system placówki dostawcy; na prawdziwym iIKP zamówienia,
  które jeszcze da się anulować, są po scenariuszu anulowane.

  @critical
  Szablon scenariusza: Pacjent zamawia receptę na leki, które przyjmuje przewlekle: <leki>
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na <leki>
    Wtedy Jan Nowak widzi swoje zamówienie na <leki> jako złożone
    I to zamówienie trafiło do lekarza „dr n. med. Adam Lekarski” z placówki POZ „Przychodnia Zdrowie”

    Przykłady: Jeden lek i kilka leków w jednym zamówieniu
      | leki                                      |
      | „Metformina 500 mg”                       |
      | „Bisoprolol 5 mg” i „Atorwastatyna 20 mg” |

  @normal
  Scenariusz: Do zamówienia są tylko leki przyjmowane przewlekle
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak przegląda swoje recepty
    Wtedy Jan Nowak może zamówić receptę tylko na „Metformina 500 mg”, „Bisoprolol 5 mg” i „Atorwastatyna 20 mg”
    I Jan Nowak nie może zamówić leku „Amoksycylina 1000 mg”, którego nie przyjmuje przewlekle

  @normal
  Scenariusz: Pacjent anuluje zamówienie, którego lekarz jeszcze nie zaczął realizować
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Bisoprolol 5 mg”
    I Jan Nowak anuluje to zamówienie
    Wtedy Jan Nowak widzi to zamówienie jako anulowane

  @normal
  Scenariusz: Pacjent ponawia wcześniejsze zamówienie
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Atorwastatyna 20 mg”
    I Jan Nowak anuluje to zamówienie
    I Jan Nowak zamawia ponownie to samo
    Wtedy Jan Nowak widzi swoje zamówienie na „Atorwastatyna 20 mg” jako złożone

  @normal @placowka
  Scenariusz: Pacjent nie może anulować zamówienia, które lekarz już realizuje
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Metformina 500 mg”
    I lekarz rozpoczyna realizację tego zamówienia
    Wtedy Jan Nowak widzi to zamówienie jako w realizacji
    Ale Jan Nowak nie może anulować tego zamówienia

  @normal @placowka
  Scenariusz: Pacjent widzi, że lekarz zrealizował zamówienie
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Atorwastatyna 20 mg”
    I lekarz realizuje to zamówienie
    Wtedy Jan Nowak widzi to zamówienie jako zrealizowane

  @normal @placowka
  Scenariusz: Pacjent widzi, że lekarz odrzucił zamówienie, i czyta jego komentarz
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Bisoprolol 5 mg”
    I lekarz odrzuca to zamówienie z komentarzem „Proszę zgłosić się na wizytę”
    Wtedy Jan Nowak widzi to zamówienie jako odrzucone
    I przy tym zamówieniu widnieje komentarz lekarza „Proszę zgłosić się na wizytę”

  @normal @symulator @placowka
  Scenariusz: Lekarz odrzuca zamówienie złożone wcześniej
    Zakładając, że Jan Nowak zamówił receptę na „Metformina 500 mg”
    I Jan Nowak jest zalogowany w iIKP
    Gdy lekarz odrzuca to zamówienie z komentarzem „Proszę zgłosić się na wizytę”
    Wtedy Jan Nowak widzi to zamówienie jako odrzucone

  @critical
  Scenariusz: Pacjent bez deklaracji wyboru lekarza POZ nie może zamówić recepty
    Zakładając, że Stanisław Wójcik jest zalogowany w iIKP
    Gdy Stanisław Wójcik próbuje zamówić receptę na „Metformina 500 mg”
    Wtedy Stanisław Wójcik dowiaduje się, że najpierw musi złożyć deklarację wyboru lekarza POZ
    I Stanisław Wójcik nie ma nowego zamówienia

  @normal
  Scenariusz: Placówka POZ, która nie przyjmuje zamówień przez IKP, odsyła pacjenta do siebie
    Zakładając, że Maria Zielińska jest zalogowana w iIKP
    Gdy Maria Zielińska próbuje zamówić receptę na „Lewotyroksyna 50 mcg”
    Wtedy Maria Zielińska dowiaduje się, że zamówienie nie może zostać zrealizowane i trzeba skontaktować się z placówką
    I Maria Zielińska nie ma nowego zamówienia

  @minor
  Scenariusz: Zamówienie bez zaznaczonego leku nie zostaje złożone
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak próbuje zamówić receptę, nie zaznaczając żadnego leku
    Wtedy iIKP nie przyjmuje zamówienia i mówi dlaczego
    I Jan Nowak nie ma nowego zamówienia

  @normal @symulator
  Scenariusz: Z dwóch zamówień pacjent anuluje starsze, nowsze czeka na lekarza
    Zakładając, że Jan Nowak zamówił 3 dni temu receptę na „Metformina 500 mg”
    I Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Bisoprolol 5 mg”
    I Jan Nowak anuluje zamówienie na „Metformina 500 mg”
    Wtedy Jan Nowak widzi swoje zamówienie na „Metformina 500 mg” jako anulowane
    I Jan Nowak widzi swoje zamówienie na „Bisoprolol 5 mg” jako złożone

  @normal @symulator
  Scenariusz: Pacjent ponawia po nazwie leku jedno z dwóch wcześniejszych zamówień
    Zakładając, że Jan Nowak zamówił wczoraj receptę na „Metformina 500 mg”
    I Jan Nowak zamówił receptę na „Bisoprolol 5 mg”
    I Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak anuluje zamówienie na „Metformina 500 mg”
    I Jan Nowak zamawia ponownie receptę na „Metformina 500 mg”
    Wtedy Jan Nowak widzi swoje zamówienie na „Metformina 500 mg” jako złożone
    I Jan Nowak widzi swoje zamówienie na „Bisoprolol 5 mg” jako złożone
