# language: pl
@smoke
Funkcja: Kontrola dostępności iIKP (tylko odczyt)
  Jako zespół QA dostawcy
  Chcę co godzinę sprawdzać, że iIKP działa: logowanie, „Moje konto”, uprawnienia, recepty i deklaracje
  Aby wiedzieć, czy środowisko CeZ jest dostępne, zanim uruchomimy wszystkie scenariusze

  Scenariusz niczego nie zmienia na koncie testowym, więc można go uruchamiać na prawdziwym iIKP
  tak często, jak trzeba.

  @critical @logowanie @wylogowanie
  Scenariusz: Pacjent przegląda swoje konto i wylogowuje się
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak otwiera „Moje konto”
    I Jan Nowak przegląda swoje uprawnienia
    I Jan Nowak przegląda swoje recepty
    I Jan Nowak przegląda swoje zamówione recepty
    I Jan Nowak przegląda swoje deklaracje w „Zobacz deklaracje”
    I Jan Nowak wylogowuje się przyciskiem „Wyloguj się”
    Wtedy Jan Nowak nie jest już zalogowany w iIKP
