# language: pl
@logowanie @instrukcja-2.2
Funkcja: Logowanie do iIKP przez testowy Profil Zaufany
  Jako pacjent testowy, którego konto dostał dostawca oprogramowania od CeZ
  Chcę zalogować się do iIKP numerem PESEL w testowym Profilu Zaufanym
  Aby sprawdzić, jak mój system współpracuje z kontem pacjenta

  @critical
  Scenariusz: Pacjent testowy loguje się, zatwierdzając PESEL klawiszem ENTER
    Zakładając, że Jan Nowak jest pacjentem testowym iIKP
    Gdy Jan Nowak loguje się przez testowy Profil Zaufany, zatwierdzając PESEL klawiszem ENTER
    Wtedy Jan Nowak widzi swoje konto w iIKP
