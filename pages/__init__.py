"""Page objects of iIKP and of the test PZ mock: every locator and every wait of the suite lives here."""
