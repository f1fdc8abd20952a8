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
    Wtedy Jan Nowak widzi potwierdzenie wylogowania
