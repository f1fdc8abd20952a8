# language: pl
@pierwsze-logowanie @instrukcja-2.2
Funkcja: Pierwsze logowanie do iIKP
  Jako pacjent testowy logujący się do iIKP po raz pierwszy
  Chcę zaakceptować regulamin i zostać poproszony o dane kontaktowe
  Aby korzystać z konta pacjenta na warunkach serwisu i dostawać powiadomienia

  @critical @symulator
  Scenariusz: Przy pierwszym logowaniu iIKP pokazuje regulamin zamiast konta
    Zakładając, że Anna Kowalska nie zaakceptowała jeszcze regulaminu iIKP
    Gdy Anna Kowalska loguje się przez testowy Profil Zaufany, zatwierdzając PESEL klawiszem ENTER
    Wtedy Anna Kowalska widzi regulamin iIKP do akceptacji

  @critical @symulator
  Scenariusz: Konto nie otwiera się przed akceptacją regulaminu
    Zakładając, że Anna Kowalska zalogowała się do iIKP po raz pierwszy
    Gdy Anna Kowalska próbuje otworzyć „Moje konto” bez akceptacji regulaminu
    Wtedy Anna Kowalska widzi regulamin iIKP do akceptacji

  @normal @symulator
  Scenariusz: Po akceptacji regulaminu iIKP prosi o uzupełnienie danych kontaktowych
    Zakładając, że Anna Kowalska nie podała jeszcze danych kontaktowych
    I Anna Kowalska zalogowała się do iIKP po raz pierwszy
    Gdy Anna Kowalska akceptuje regulamin iIKP
    Wtedy Anna Kowalska widzi swoje konto w iIKP
    I Anna Kowalska widzi prośbę o uzupełnienie danych kontaktowych

  @normal @symulator @instrukcja-2.3
  Scenariusz: Zaakceptowany regulamin nie jest pokazywany przy kolejnym logowaniu
    Zakładając, że Anna Kowalska zalogowała się do iIKP po raz pierwszy
    I Anna Kowalska zaakceptowała regulamin iIKP
    Gdy Anna Kowalska wylogowuje się przyciskiem „Wyloguj się”
    I Anna Kowalska próbuje zalogować się przez testowy Profil Zaufany
    Wtedy Anna Kowalska widzi swoje konto w iIKP
