# language: pl
@obsluga-bledow @instrukcja-3
Funkcja: Awarie środowiska integracyjnego i ich obejście
  Jako dostawca oprogramowania testujący na niestabilnym środowisku iIKP
  Chcę rozpoznawać ekrany awarii opisane przez CeZ i obchodzić je tak, jak każe instrukcja CeZ
  Aby chwilowej awarii środowiska nie brać za błąd mojego produktu

  @critical @symulator @instrukcja-3.1
  Scenariusz: Chwilowa awaria testowego Profilu Zaufanego mija po ponowieniu logowania
    Zakładając, że Jan Nowak jest pacjentem testowym iIKP
    I testowy Profil Zaufany zawiedzie przy najbliższym logowaniu
    Gdy Jan Nowak próbuje zalogować się przez testowy Profil Zaufany
    Wtedy Jan Nowak widzi ekran błędu testowego Profilu Zaufanego
    Gdy Jan Nowak ponawia logowanie od początku w nowym oknie prywatnym
    Wtedy Jan Nowak widzi swoje konto w iIKP

  @critical @symulator @instrukcja-2.3 @instrukcja-3.2
  Scenariusz: Po opuszczeniu konta bez wylogowania pomaga logowanie w nowym oknie prywatnym
    Zakładając, że Jan Nowak zamknął przeglądarkę, nie wylogowawszy się z iIKP
    Gdy Jan Nowak próbuje zalogować się przez testowy Profil Zaufany
    Wtedy Jan Nowak widzi ekran niedziałającego iIKP
    Gdy Jan Nowak ponawia logowanie od początku w nowym oknie prywatnym
    Wtedy Jan Nowak widzi swoje konto w iIKP

  @normal @symulator @instrukcja-3.2
  Scenariusz: Chwilowa niedostępność iIKP przy logowaniu mija po ponowieniu od początku
    Zakładając, że Jan Nowak jest pacjentem testowym iIKP
    I iIKP będzie niedostępne przy najbliższym logowaniu
    Gdy Jan Nowak próbuje zalogować się przez testowy Profil Zaufany
    Wtedy Jan Nowak widzi ekran niedziałającego iIKP
    Gdy Jan Nowak ponawia logowanie od początku w nowym oknie prywatnym
    Wtedy Jan Nowak widzi swoje konto w iIKP

  @normal @symulator @instrukcja-3.2
  Scenariusz: Awaria węzła ISUS mija po odświeżeniu strony testowego WK klawiszami CTRL+F5
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    I węzeł serwera ISUS, do którego trafia przeglądarka, przestał działać
    Gdy Jan Nowak otwiera ponownie „Moje konto”
    Wtedy Jan Nowak widzi ekran niedziałającego iIKP
    Gdy Jan Nowak loguje się ponownie po odświeżeniu strony testowego WK klawiszami CTRL+F5
    Wtedy Jan Nowak widzi swoje konto w iIKP

  @normal @symulator @instrukcja-1 @instrukcja-3.2
  Scenariusz: Praca na jednym koncie w dwóch kartach kończy się ekranem niedziałającego iIKP
    Zakładając, że Jan Nowak ma otwarty formularz „Edytuj swoje dane”
    Gdy Jan Nowak otwiera swoje konto w drugiej karcie przeglądarki
    I Jan Nowak zapisuje dane kontaktowe w pierwszej karcie
    Wtedy Jan Nowak widzi ekran niedziałającego iIKP
    Gdy Jan Nowak ponawia logowanie od początku w nowym oknie prywatnym
    Wtedy Jan Nowak widzi swoje konto w iIKP
