# language: pl
@dane-kontaktowe @instrukcja-2.2
Funkcja: Dane kontaktowe pacjenta w „Moje konto”
  Jako pacjent testowy
  Chcę podać w „Moje konto” numer telefonu i/lub adres e-mail oraz wybrać powiadomienia SMS, e-mailem albo oba
  Aby iIKP mogło mnie powiadamiać tak, jak wolę

  @critical
  Scenariusz: Zapisane dane kontaktowe z oboma rodzajami powiadomień są widoczne w „Moje konto”
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zapisuje w „Moje konto” dane kontaktowe:
      | numer telefonu | adres e-mail               | powiadomienia |
      | 601202303      | jan.nowak.nowy@example.com | SMS i e-mail  |
    Wtedy Jan Nowak widzi w „Moje konto” dane kontaktowe:
      | numer telefonu | adres e-mail               | powiadomienia |
      | 601202303      | jan.nowak.nowy@example.com | SMS i e-mail  |

  @normal
  Scenariusz: Wystarczy sam adres e-mail z powiadomieniami e-mailem
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zapisuje w „Moje konto” dane kontaktowe:
      | numer telefonu | adres e-mail               | powiadomienia |
      |                | jan.nowak.nowy@example.com | e-mail        |
    Wtedy Jan Nowak widzi w „Moje konto” dane kontaktowe:
      | numer telefonu | adres e-mail               | powiadomienia |
      |                | jan.nowak.nowy@example.com | e-mail        |

  @normal
  Szablon scenariusza: Niepoprawne dane kontaktowe nie są zapisywane: <pole> „<wartość>”
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak próbuje zapisać jako <pole> „<wartość>”
    Wtedy iIKP nie zapisuje danych kontaktowych i wskazuje pole <pole>
    I Jan Nowak ma w „Moje konto” niezmienione dane kontaktowe

    Przykłady: adres e-mail
      | pole         | wartość               |
      | adres e-mail | jan.nowak.example.com |
      | adres e-mail | jan.nowak@example     |
      | adres e-mail | jan nowak@example.com |

    Przykłady: numer telefonu
      | pole           | wartość    |
      | numer telefonu | 60120230   |
      | numer telefonu | 6012023031 |
      | numer telefonu | 60120230a  |

  @normal @symulator
  Scenariusz: Powiadomienia SMS wymagają numeru telefonu
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak próbuje zapisać w „Moje konto” dane kontaktowe:
      | numer telefonu | adres e-mail               | powiadomienia |
      |                | jan.nowak.nowy@example.com | SMS           |
    Wtedy iIKP nie zapisuje danych kontaktowych i wskazuje pole numer telefonu
    I Jan Nowak ma w „Moje konto” niezmienione dane kontaktowe
