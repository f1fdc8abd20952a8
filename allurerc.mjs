// Allure Report 3 configuration: `make report` turns reports/allure-results into reports/allure-report.
import { defineConfig } from "allure";

export default defineConfig({
  name: "iIKP: testy akceptacyjne",
  output: "./reports/allure-report",
  // Kept between runs (make run cleans only allure-results), so the report shows trends.
  historyPath: "./reports/history/history.jsonl",
  plugins: {
    awesome: {
      options: {
        reportName: "iIKP: testy akceptacyjne",
        reportLanguage: "pl",
        singleFile: true,
        groupBy: ["epic", "story"],
      },
    },
  },
});
