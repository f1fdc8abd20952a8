# language: pl
@sciezki
Funkcja: Ścieżki pacjenta przez kilka obszarów iIKP
  Jako pacjent testowy
  Chcę załatwiać w iIKP kilka spraw jedna po drugiej: pierwsze logowanie, deklarację POZ, receptę,
  uprawnienia i dane kontaktowe
  Aby każda sprawa działała także wtedy, gdy wcześniej załatwiłem inną

  @critical @symulator @placowka @nieodwracalne @pierwsze-logowanie @deklaracja-poz @e-recepta
  Scenariusz: Nowa pacjentka przechodzi pierwsze logowanie, podaje kontakt, wybiera lekarza i zamawia receptę
    Zakładając, że Anna Kowalska ma receptę na „Metformina 500 mg” przyjmowaną przewlekle
    I Anna Kowalska zalogowała się do iIKP po raz pierwszy
    Gdy Anna Kowalska akceptuje regulamin iIKP
    I Anna Kowalska od razu podaje dane kontaktowe:
      | numer telefonu | adres e-mail              | powiadomienia |
      | 601202303      | anna.kowalska@example.com | SMS i e-mail  |
    I Anna Kowalska składa deklarację wyboru lekarza POZ „lek. Krzysztof Szymański” z placówki „Przychodnia Morska”
    I placówka przyjmuje tę deklarację
    I Anna Kowalska zamawia receptę na „Metformina 500 mg”
    Wtedy Anna Kowalska widzi swoje zamówienie na „Metformina 500 mg” jako złożone
    I to zamówienie trafiło do lekarza „lek. Krzysztof Szymański” z placówki POZ „Przychodnia Morska”

  @critical @zgody @wylogowanie
  Scenariusz: Nadane upoważnienie przetrwa wylogowanie i ponowne logowanie
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak nadaje uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak od dziś bezterminowo
    I Jan Nowak wylogowuje się przyciskiem „Wyloguj się”
    I Jan Nowak próbuje zalogować się przez testowy Profil Zaufany
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywne

  @normal @symulator @obsluga-bledow @e-recepta @instrukcja-3.2
  Scenariusz: Awaria węzła ISUS w środku zamawiania recepty mija po odświeżeniu strony testowego WK
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Bisoprolol 5 mg”
    I węzeł serwera ISUS, do którego trafia przeglądarka, przestał działać
    I Jan Nowak otwiera ponownie „Moje konto”
    Wtedy Jan Nowak widzi ekran niedziałającego iIKP
    Gdy Jan Nowak loguje się ponownie po odświeżeniu strony testowego WK klawiszami CTRL+F5
    Wtedy Jan Nowak widzi swoje zamówienie na „Bisoprolol 5 mg” jako złożone

  @critical @placowka @nieodwracalne @deklaracja-poz @e-recepta
  Scenariusz: Pacjent bez lekarza POZ składa deklarację, placówka ją przyjmuje i wtedy zamówienie recepty przechodzi
    Zakładając, że Stanisław Wójcik jest zalogowany w iIKP
    Gdy Stanisław Wójcik próbuje zamówić receptę na „Metformina 500 mg”
    Wtedy Stanisław Wójcik dowiaduje się, że najpierw musi złożyć deklarację wyboru lekarza POZ
    Gdy Stanisław Wójcik składa deklarację wyboru lekarza POZ „lek. Barbara Zając” z placówki „Przychodnia Zdrowie”, podając powód „Zmiana miejsca zamieszkania”
    I placówka przyjmuje tę deklarację
    I Stanisław Wójcik zamawia receptę na „Metformina 500 mg”
    Wtedy Stanisław Wójcik widzi swoje zamówienie na „Metformina 500 mg” jako złożone
    I to zamówienie trafiło do lekarza „lek. Barbara Zając” z placówki POZ „Przychodnia Zdrowie”

  @normal @placowka @e-recepta
  Scenariusz: Po odrzuceniu zamówienia przez lekarza pacjent zamawia ponownie to samo
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Bisoprolol 5 mg” i „Atorwastatyna 20 mg”
    I lekarz odrzuca to zamówienie z komentarzem „Proszę o kontakt telefoniczny”
    I Jan Nowak zamawia ponownie to samo
    I lekarz realizuje to zamówienie
    Wtedy Jan Nowak widzi to zamówienie jako zrealizowane
    I Jan Nowak widzi swoje zamówienie na „Bisoprolol 5 mg” i „Atorwastatyna 20 mg” jako zrealizowane

  @normal @dane-kontaktowe @e-recepta @wylogowanie
  Scenariusz: Pacjent zmienia dane kontaktowe, zamawia i anuluje receptę, a potem się wylogowuje
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zapisuje w „Moje konto” dane kontaktowe:
      | numer telefonu | adres e-mail | powiadomienia |
      | 601202303      |              | SMS           |
    I Jan Nowak zamawia receptę na „Metformina 500 mg”
    I Jan Nowak anuluje to zamówienie
    I Jan Nowak wylogowuje się przyciskiem „Wyloguj się”
    Wtedy Jan Nowak nie jest już zalogowany w iIKP
