# language: pl
@zgody @instrukcja-1
Funkcja: Zgody i upoważnienia w „Uprawnieniach”
  Jako pacjent testowy, na którego koncie dostawca oprogramowania sprawdza nadawanie zgód
  Chcę zapisywać w iIKP upoważnienia, zgody i sprzeciwy oraz wycofywać je
  Aby system dostawcy mógł odczytać, kto i w jakim zakresie ma dostęp do moich danych i świadczeń

  Założenia:
    Zakładając, że Jan Nowak jest zalogowany w iIKP

  @critical
  Szablon scenariusza: Upoważnienie dla bliskiej osoby staje się aktywne: <rodzaj>
    Gdy Jan Nowak zapisuje uprawnienie „<rodzaj>” dla Ewy Nowak od dziś bezterminowo
    Wtedy Jan Nowak widzi uprawnienie „<rodzaj>” dla Ewy Nowak ze statusem „Aktywna”
    Oraz to uprawnienie ma zakres „Pełny zakres”
    Oraz to uprawnienie obowiązuje od dziś bezterminowo

    Przykłady:
      | rodzaj                                                  |
      | Upoważnienie do dostępu do dokumentacji medycznej       |
      | Upoważnienie do uzyskiwania informacji o stanie zdrowia |

  @critical
  Szablon scenariusza: Zgoda albo sprzeciw wobec określonych świadczeń staje się aktywna: <rodzaj>
    Gdy Jan Nowak zapisuje uprawnienie „<rodzaj>” w zakresie „<zakres>” od dziś bezterminowo
    Wtedy Jan Nowak widzi uprawnienie „<rodzaj>” w zakresie „<zakres>” ze statusem „Aktywna”
    Oraz to uprawnienie obowiązuje od dziś bezterminowo

    Przykłady:
      | rodzaj                                                      | zakres                                 |
      | Zgoda na udzielenie określonych świadczeń zdrowotnych       | Usunięcie zęba w znieczuleniu ogólnym  |
      | Sprzeciw wobec udzielenia określonych świadczeń zdrowotnych | Przetoczenie krwi i jej składników     |

  @normal
  Scenariusz: Upoważnienie na określony czas pokazuje swój okres obowiązywania
    Gdy Jan Nowak zapisuje uprawnienie „Upoważnienie do uzyskiwania informacji o stanie zdrowia” dla Piotra Zielińskiego od jutra przez 30 dni
    Wtedy Jan Nowak widzi uprawnienie „Upoważnienie do uzyskiwania informacji o stanie zdrowia” dla Piotra Zielińskiego ze statusem „Aktywna”
    Oraz to uprawnienie obowiązuje od jutra przez 30 dni

  @critical @symulator
  Scenariusz: Wycofane upoważnienie zostaje w historii jako wycofane
    Zakładając, że Jan Nowak ma już aktywne uprawnienie „Upoważnienie do uzyskiwania informacji o stanie zdrowia” dla Piotra Zielińskiego
    Gdy Jan Nowak wycofuje uprawnienie „Upoważnienie do uzyskiwania informacji o stanie zdrowia” dla Piotra Zielińskiego
    Wtedy Jan Nowak widzi uprawnienie „Upoważnienie do uzyskiwania informacji o stanie zdrowia” dla Piotra Zielińskiego ze statusem „Wycofana”

  @normal
  Scenariusz: Upoważnienie dla osoby z błędnym numerem PESEL nie zostaje zapisane
    Gdy Jan Nowak próbuje zapisać uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla osoby z błędnym numerem PESEL od dziś bezterminowo
    Wtedy zapis uprawnienia zostaje odrzucony z komunikatem „PESEL osoby jest nieprawidłowy.”
    Oraz żadne nowe uprawnienie nie zostało zapisane

  @normal
  Scenariusz: Pacjent nie może upoważnić samego siebie
    Gdy Jan Nowak próbuje zapisać uprawnienie „Upoważnienie do uzyskiwania informacji o stanie zdrowia” dla samego siebie od dziś bezterminowo
    Wtedy zapis uprawnienia zostaje odrzucony z komunikatem „Nie możesz udzielić uprawnienia sam sobie.”
    Oraz żadne nowe uprawnienie nie zostało zapisane

  @normal
  Scenariusz: Uprawnienie nie może zacząć obowiązywać w przeszłości
    Gdy Jan Nowak próbuje zapisać uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak z datą rozpoczęcia wczoraj
    Wtedy zapis uprawnienia zostaje odrzucony z komunikatem „Data rozpoczęcia nie może być wcześniejsza niż dzisiaj.”
    Oraz żadne nowe uprawnienie nie zostało zapisane

  @normal @symulator
  Scenariusz: Drugie aktywne upoważnienie tego samego rodzaju dla tej samej osoby nie zostaje zapisane
    Zakładając, że Jan Nowak ma już aktywne uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak
    Gdy Jan Nowak próbuje zapisać uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” dla Ewy Nowak od dziś bezterminowo
    Wtedy zapis uprawnienia zostaje odrzucony z komunikatem „Masz już aktywne uprawnienie tego rodzaju dla tej osoby.”
    Oraz żadne nowe uprawnienie nie zostało zapisane
