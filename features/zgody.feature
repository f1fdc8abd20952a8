# language: pl
@zgody @instrukcja-1
Funkcja: Zgody i upoważnienia w „Uprawnienia”
  Jako pacjent testowy, na którego koncie dostawca oprogramowania sprawdza nadawanie zgód
  Chcę nadawać w iIKP upoważnienia i zgody (albo odmowę zgody) oraz je wycofywać
  Aby system dostawcy mógł odczytać, kto i w jakim zakresie ma dostęp do moich danych i świadczeń

  Rodzaje uprawnień nazywa ustawa o systemie informacji w ochronie zdrowia (art. 7a ust. 1 pkt 3–5).
  Każde nadanie można wycofać („Zawsze możesz cofnąć”, pacjent.gov.pl); na prawdziwym iIKP
  wszystko, co scenariusz nadał, jest po nim wycofywane.

  Założenia:
    Zakładając, że Jan Nowak jest zalogowany w iIKP

  @critical
  Szablon scenariusza: Upoważnienie dla bliskiej osoby staje się aktywne: <rodzaj>
    Gdy Jan Nowak nadaje uprawnienie „<rodzaj>” dla Ewy Nowak od dziś bezterminowo
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywne
    I to uprawnienie ma pełny zakres
    I to uprawnienie obowiązuje od dziś bezterminowo

    Przykłady:
      | rodzaj                                            |
      | Upoważnienie do dostępu do dokumentacji medycznej |
      | Zgoda na udzielanie informacji o stanie zdrowia   |

  @critical
  Szablon scenariusza: Zgoda na określone świadczenie albo jej odmowa staje się aktywna: <rodzaj>
    Gdy Jan Nowak nadaje uprawnienie „<rodzaj>” w zakresie „<zakres>” od dziś bezterminowo
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywne
    I to uprawnienie obowiązuje od dziś bezterminowo

    Przykłady:
      | rodzaj                                                       | zakres                                |
      | Zgoda na udzielenie określonych świadczeń zdrowotnych        | Usunięcie zęba w znieczuleniu ogólnym |
      | Odmowa zgody na udzielenie określonych świadczeń zdrowotnych | Przetoczenie krwi i jej składników    |

  @normal
  Scenariusz: Upoważnienie na określony czas pokazuje swój okres obowiązywania
    Gdy Jan Nowak nadaje uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Piotra Zielińskiego od jutra przez 30 dni
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywne
    I to uprawnienie obowiązuje od jutra przez 30 dni

  @critical
  Scenariusz: Wycofane upoważnienie zostaje w historii jako wycofane
    Gdy Jan Nowak nadaje uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Piotra Zielińskiego od dziś bezterminowo
    I Jan Nowak wycofuje to uprawnienie
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako wycofane

  @normal
  Scenariusz: Upoważnienie dla osoby z błędnym numerem PESEL nie zostaje zapisane
    Gdy Jan Nowak próbuje nadać uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla osoby z błędnym numerem PESEL od dziś bezterminowo
    Wtedy iIKP nie zapisuje uprawnienia i wskazuje PESEL osoby
    I żadne nowe uprawnienie nie zostało zapisane

  @normal
  Scenariusz: Pacjent nie może upoważnić samego siebie
    Gdy Jan Nowak próbuje nadać uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla samego siebie od dziś bezterminowo
    Wtedy iIKP nie zapisuje uprawnienia i wskazuje PESEL osoby
    I żadne nowe uprawnienie nie zostało zapisane

  @normal
  Scenariusz: Uprawnienie nie może zacząć obowiązywać w przeszłości
    Gdy Jan Nowak próbuje nadać uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak z datą rozpoczęcia wczoraj
    Wtedy iIKP nie zapisuje uprawnienia i wskazuje datę rozpoczęcia
    I żadne nowe uprawnienie nie zostało zapisane

  @normal @symulator
  Scenariusz: Drugie aktywne upoważnienie tego samego rodzaju dla tej samej osoby nie zostaje zapisane
    Zakładając, że Jan Nowak ma już aktywne uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak
    Gdy Jan Nowak próbuje nadać uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak od dziś bezterminowo
    Wtedy iIKP nie zapisuje uprawnienia i mówi dlaczego
    I żadne nowe uprawnienie nie zostało zapisane

  @normal @symulator
  Scenariusz: Uprawnienie nadane wcześniej można wycofać
    Zakładając, że Jan Nowak ma już aktywne uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Piotra Zielińskiego
    Gdy Jan Nowak wycofuje to uprawnienie
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako wycofane

  @critical
  Scenariusz: Z dwóch uprawnień dla tej samej osoby pacjent wycofuje pierwsze, drugie zostaje aktywne
    Gdy Jan Nowak nadaje uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak od dziś bezterminowo
    I Jan Nowak nadaje uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Ewy Nowak od dziś bezterminowo
    I Jan Nowak wycofuje uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak
    Wtedy Jan Nowak widzi uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak w „Uprawnienia” jako wycofane
    I Jan Nowak widzi uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Ewy Nowak w „Uprawnienia” jako aktywne

  @normal @symulator
  Scenariusz: Uprawnienie nadane wczoraj pacjent wycofuje dziś, a obowiązywało od wczoraj
    Zakładając, że Jan Nowak nadał wczoraj uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Piotra Zielińskiego
    Gdy Jan Nowak wycofuje uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Piotra Zielińskiego
    Wtedy Jan Nowak widzi uprawnienie „Zgoda na udzielanie informacji o stanie zdrowia” dla Piotra Zielińskiego w „Uprawnienia” jako wycofane
    I to uprawnienie obowiązuje z datą rozpoczęcia wczoraj
