"""Simulator of iIKP (the integration copy of IKP) and of the test Profil Zaufany login mock."""
