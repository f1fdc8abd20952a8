# language: pl
@deklaracja-poz @instrukcja-1
Funkcja: e-Deklaracja wyboru lekarza, pielęgniarki i położnej POZ
  Jako pacjent testowy iIKP
  Chcę złożyć w Internetowym Koncie Pacjenta deklarację wyboru lekarza, pielęgniarki i położnej POZ
  Aby wybrać ich bez wizyty w przychodni i wiedzieć, czy placówka przyjęła mój wybór i ile on kosztuje

  Deklarację składa się w „Moje konto” > „Twoja Podstawowa Opieka Zdrowotna (POZ)” > „Wypełnij
  deklarację”; placówkę wybiera się, klikając jej nazwę. Złożona deklaracja liczy się do bezpłatnych
  zmian w roku i trafia do placówki, więc na prawdziwym iIKP takie scenariusze uruchamia się tylko
  świadomie. Placówkę odgrywa symulator albo system placówki dostawcy.

  @critical @symulator @nieodwracalne
  Szablon scenariusza: Pacjentka po pierwszym logowaniu składa deklarację wyboru <kogo> POZ
    Zakładając, że Anna Kowalska ma za sobą pierwsze logowanie
    I Anna Kowalska jest zalogowana w iIKP
    Gdy Anna Kowalska składa deklarację wyboru <kogo> POZ „<osoba>” z placówki „Przychodnia Morska”
    Wtedy w „Zobacz deklaracje” Anna Kowalska widzi tę deklarację jako złożoną
    I potwierdzenie deklaracji podało, że to 1. wybór w bieżącym roku

    Przykłady:
      | kogo         | osoba                    |
      | lekarza      | lek. Krzysztof Szymański |
      | pielęgniarki | Renata Grabowska         |
      | położnej     | Beata Pawłowska          |

  @critical @symulator @nieodwracalne
  Scenariusz: Druga zmiana lekarza POZ w roku jest bezpłatna
    Zakładając, że Jan Nowak złożył już w tym roku jedną deklarację wyboru lekarza POZ
    I Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak składa deklarację wyboru lekarza POZ „lek. Barbara Zając” z placówki „Przychodnia Zdrowie”
    Wtedy potwierdzenie deklaracji podało, że to 2. wybór w bieżącym roku
    I ten wybór jest bezpłatny

  @critical @symulator @nieodwracalne
  Scenariusz: Trzecia zmiana lekarza POZ w roku kosztuje 80 zł
    Zakładając, że Stanisław Wójcik złożył już w tym roku dwie deklaracje wyboru lekarza POZ
    I Stanisław Wójcik jest zalogowany w iIKP
    Gdy Stanisław Wójcik składa deklarację wyboru lekarza POZ „lek. Barbara Zając” z placówki „Przychodnia Zdrowie”
    Wtedy potwierdzenie deklaracji podało, że to 3. wybór w bieżącym roku
    I za ten wybór naliczono opłatę 80 zł

  @critical @symulator @nieodwracalne
  Scenariusz: Trzecia zmiana lekarza POZ po przeprowadzce jest bezpłatna
    Zakładając, że Stanisław Wójcik złożył już w tym roku dwie deklaracje wyboru lekarza POZ
    I Stanisław Wójcik jest zalogowany w iIKP
    Gdy Stanisław Wójcik składa deklarację wyboru lekarza POZ „lek. Barbara Zając” z placówki „Przychodnia Zdrowie”, podając powód „Zmiana miejsca zamieszkania”
    Wtedy potwierdzenie deklaracji podało, że to 3. wybór w bieżącym roku
    I ten wybór jest bezpłatny

  @normal @symulator @nieodwracalne
  Scenariusz: Nowy rok kalendarzowy zaczyna liczenie zmian od nowa
    Zakładając, że Stanisław Wójcik złożył już w tym roku dwie deklaracje wyboru lekarza POZ
    I rozpoczął się nowy rok kalendarzowy
    I Stanisław Wójcik jest zalogowany w iIKP
    Gdy Stanisław Wójcik składa deklarację wyboru lekarza POZ „lek. Barbara Zając” z placówki „Przychodnia Zdrowie”
    Wtedy potwierdzenie deklaracji podało, że to 1. wybór w bieżącym roku
    I ten wybór jest bezpłatny

  @critical @placowka @nieodwracalne
  Scenariusz: Pacjent widzi, że placówka przyjęła jego deklarację
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak składa deklarację wyboru lekarza POZ „lek. Piotr Mazur” z placówki „Centrum Medyczne Zdrowa Rodzina”
    I placówka przyjmuje tę deklarację
    Wtedy w „Zobacz deklaracje” Jan Nowak widzi tę deklarację jako zaakceptowaną

  @normal @placowka @nieodwracalne
  Scenariusz: Pacjent widzi, że placówka odrzuciła jego deklarację, i dlaczego
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak składa deklarację wyboru lekarza POZ „lek. Piotr Mazur” z placówki „Centrum Medyczne Zdrowa Rodzina”
    I placówka odrzuca tę deklarację z uwagą „Lekarz nie przyjmuje nowych pacjentów”
    Wtedy w „Zobacz deklaracje” Jan Nowak widzi tę deklarację jako odrzuconą z uwagą „Lekarz nie przyjmuje nowych pacjentów”

  @normal @symulator
  Scenariusz: Deklaracja, której placówka nie przyjęła w ciągu 7 dni, zostaje odrzucona automatycznie
    Zakładając, że Jan Nowak złożył deklarację wyboru lekarza POZ „lek. Piotr Mazur” z placówki „Centrum Medyczne Zdrowa Rodzina”
    I Jan Nowak jest zalogowany w iIKP
    Gdy placówka nie zajmuje się tą deklaracją przez 7 dni
    Wtedy w „Zobacz deklaracje” Jan Nowak widzi tę deklarację jako odrzuconą z uwagą „Placówka nie przyjęła deklaracji w ciągu 7 dni.”

  @normal @symulator @placowka
  Scenariusz: Placówka przyjmuje deklarację złożoną wcześniej
    Zakładając, że Jan Nowak złożył deklarację wyboru pielęgniarki POZ „Elżbieta Woźniak” z placówki „Centrum Medyczne Zdrowa Rodzina”
    I Jan Nowak jest zalogowany w iIKP
    Gdy placówka przyjmuje tę deklarację
    Wtedy w „Zobacz deklaracje” Jan Nowak widzi tę deklarację jako zaakceptowaną

  @minor
  Scenariusz: Wyszukiwanie placówki bez wyników nie pokazuje żadnej placówki
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak szuka placówki „Przychodnia Nieistniejąca” do deklaracji wyboru lekarza POZ
    Wtedy Jan Nowak dowiaduje się, że nie znaleziono żadnej placówki
