# language: pl
@dane-kontaktowe @instrukcja-2.2
Funkcja: Dane kontaktowe pacjenta w „Moje konto”
  Jako pacjent testowy
  Chcę uzupełnić w „Moje konto” adres e-mail, telefon komórkowy i kanał powiadomień
  Aby iIKP mogło mnie powiadamiać wybranym kanałem

  @critical
  Scenariusz: Zapisane dane kontaktowe są widoczne w „Moje konto”
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zapisuje w „Moje konto” dane kontaktowe:
      | adres e-mail               | numer telefonu | kanał powiadomień |
      | jan.nowak.nowy@example.com | 601202303      | E-mail            |
    Wtedy Jan Nowak widzi w „Moje konto” dane kontaktowe:
      | adres e-mail               | numer telefonu | kanał powiadomień |
      | jan.nowak.nowy@example.com | 601202303      | E-mail            |

  @normal
  Szablon scenariusza: Niepoprawne dane kontaktowe nie są zapisywane: <pole> „<wartość>”
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak próbuje zapisać jako <pole> „<wartość>”
    Wtedy iIKP odrzuca dane kontaktowe z komunikatem „<komunikat>”
    I Jan Nowak ma w „Moje konto” niezmienione dane kontaktowe

    Przykłady: adres e-mail
      | pole         | wartość               | komunikat                    |
      | adres e-mail | jan.nowak.example.com | Podaj poprawny adres e-mail. |
      | adres e-mail | jan.nowak@example     | Podaj poprawny adres e-mail. |
      | adres e-mail | jan nowak@example.com | Podaj poprawny adres e-mail. |

    Przykłady: numer telefonu
      | pole           | wartość     | komunikat                                           |
      | numer telefonu | 60120230    | Podaj poprawny numer telefonu komórkowego (9 cyfr). |
      | numer telefonu | 6012023031  | Podaj poprawny numer telefonu komórkowego (9 cyfr). |
      | numer telefonu | 60120230a   | Podaj poprawny numer telefonu komórkowego (9 cyfr). |
