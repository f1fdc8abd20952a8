"""The suite's machinery: configuration, browser, simulator, personas, reporting; no Gherkin, no locators."""
