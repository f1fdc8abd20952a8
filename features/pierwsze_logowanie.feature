# language: pl
@pierwsze-logowanie @instrukcja-2.2 @symulator
Funkcja: Pierwsze logowanie do iIKP
  Jako pacjent testowy logujący się do iIKP po raz pierwszy
  Chcę zaakceptować regulamin i od razu móc podać dane kontaktowe
  Aby korzystać z konta pacjenta na warunkach serwisu i dostawać powiadomienia

  Na prawdziwym iIKP pierwsze logowanie zdarza się raz na konto, więc te scenariusze działają
  na symulatorze, który przywraca kontu stan „przed pierwszym logowaniem”.

  @critical
  Scenariusz: Przy pierwszym logowaniu iIKP pokazuje regulamin zamiast konta
    Zakładając, że Anna Kowalska nie zaakceptowała jeszcze regulaminu iIKP
    Gdy Anna Kowalska loguje się przez testowy Profil Zaufany, zatwierdzając PESEL klawiszem ENTER
    Wtedy Anna Kowalska widzi regulamin iIKP do akceptacji

  @critical
  Scenariusz: Konto nie otwiera się przed akceptacją regulaminu
    Zakładając, że Anna Kowalska zalogowała się do iIKP po raz pierwszy
    Gdy Anna Kowalska próbuje otworzyć „Moje konto” bez akceptacji regulaminu
    Wtedy Anna Kowalska widzi regulamin iIKP do akceptacji

  @normal
  Scenariusz: Po akceptacji regulaminu iIKP prosi o dane kontaktowe
    Zakładając, że Anna Kowalska nie podała jeszcze danych kontaktowych
    I Anna Kowalska zalogowała się do iIKP po raz pierwszy
    Gdy Anna Kowalska akceptuje regulamin iIKP
    Wtedy Anna Kowalska widzi prośbę o podanie danych kontaktowych

  @normal
  Scenariusz: Przy pierwszym logowaniu pacjentka od razu podaje numer telefonu
    Zakładając, że Anna Kowalska nie podała jeszcze danych kontaktowych
    I Anna Kowalska zalogowała się do iIKP po raz pierwszy
    Gdy Anna Kowalska akceptuje regulamin iIKP
    I Anna Kowalska od razu podaje dane kontaktowe:
      | numer telefonu | adres e-mail | powiadomienia |
      | 601202303      |              | SMS           |
    Wtedy Anna Kowalska widzi w „Moje konto” dane kontaktowe:
      | numer telefonu | adres e-mail | powiadomienia |
      | 601202303      |              | SMS           |

  @normal @instrukcja-2.3
  Scenariusz: Zaakceptowany regulamin nie jest pokazywany przy kolejnym logowaniu
    Zakładając, że Anna Kowalska zalogowała się do iIKP po raz pierwszy
    Gdy Anna Kowalska akceptuje regulamin iIKP
    I Anna Kowalska odkłada podanie danych kontaktowych na później
    I Anna Kowalska wylogowuje się przyciskiem „Wyloguj się”
    I Anna Kowalska próbuje zalogować się przez testowy Profil Zaufany
    Wtedy Anna Kowalska widzi swoje konto w iIKP
