# language: pl
@logowanie @instrukcja-2.2
Funkcja: Logowanie do iIKP przez testowy Profil Zaufany
  Jako pacjent testowy, którego konto dostał dostawca oprogramowania od CeZ
  Chcę zalogować się do iIKP numerem PESEL w testowym Profilu Zaufanym
  Aby korzystać ze swojego konta pacjenta

  @critical
  Scenariusz: Pacjent testowy loguje się, zatwierdzając PESEL klawiszem ENTER
    Zakładając, że Jan Nowak jest pacjentem testowym iIKP
    Gdy Jan Nowak loguje się przez testowy Profil Zaufany, zatwierdzając PESEL klawiszem ENTER
    Wtedy Jan Nowak widzi swoje konto w iIKP

  @critical
  Scenariusz: Pacjent testowy loguje się, zatwierdzając PESEL przyciskiem „Dalej”
    Zakładając, że Jan Nowak jest pacjentem testowym iIKP
    Gdy Jan Nowak loguje się przez testowy Profil Zaufany, zatwierdzając PESEL przyciskiem „Dalej”
    Wtedy Jan Nowak widzi swoje konto w iIKP

  @normal
  Scenariusz: Po zalogowaniu „Moje konto” otwiera się odnośnikiem u góry strony
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak otwiera „Moje konto”
    Wtedy Jan Nowak widzi w „Moje konto” swoje imię i nazwisko

  @normal
  Szablon scenariusza: Testowy Profil Zaufany odrzuca nieprawidłowy numer PESEL: <przypadek>
    Gdy pacjent zatwierdza w testowym Profilu Zaufanym numer PESEL „<numer>”
    Wtedy testowy Profil Zaufany odrzuca ten numer i mówi dlaczego
    I logowanie nie opuszcza strony testowego Profilu Zaufanego

    Przykłady:
      | przypadek                    | numer       |
      | pusty numer                  |             |
      | za krótki numer              | 8001151235  |
      | litery zamiast cyfr          | 8001151235A |
      | błędna cyfra kontrolna       | 87061302072 |
      | nieistniejąca data urodzenia | 80013212351 |

  @normal @instrukcja-3.1
  Scenariusz: Osoba spoza listy pacjentów testowych trafia na ekran błędu testowego Profilu Zaufanego
    Gdy osoba spoza listy pacjentów testowych loguje się przez testowy Profil Zaufany
    Wtedy osoba spoza listy pacjentów testowych widzi ekran błędu testowego Profilu Zaufanego
