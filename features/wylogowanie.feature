# language: pl
@wylogowanie @instrukcja-2.3
Funkcja: Wylogowanie z iIKP
  Jako pacjent testowy
  Chcę kończyć pracę przyciskiem „Wyloguj się”
  Aby kolejne logowanie na to samo konto nie kończyło się ekranem błędu

  @critical
  Scenariusz: Wylogowanie kończy sesję pacjenta
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak wylogowuje się przyciskiem „Wyloguj się”
    Wtedy Jan Nowak nie jest już zalogowany w iIKP

  @critical
  Scenariusz: Powrót przyciskiem „Wstecz” po wylogowaniu nie pokazuje konta
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak wylogowuje się przyciskiem „Wyloguj się”
    I Jan Nowak wraca przyciskiem „Wstecz” przeglądarki
    Wtedy Jan Nowak nie widzi już swojego konta

  @critical
  Scenariusz: Po wylogowaniu kolejne logowanie na to samo konto działa bez ekranu błędu
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak wylogowuje się przyciskiem „Wyloguj się”
    I Jan Nowak próbuje zalogować się przez testowy Profil Zaufany
    Wtedy Jan Nowak widzi swoje konto w iIKP
