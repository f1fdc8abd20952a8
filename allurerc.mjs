// Allure Report 3 configuration: `make report` turns reports/allure-results into reports/allure-report.
import { readFileSync } from "node:fs";
import { defineConfig } from "allure";

// The failure categories in Polish (product defect, PZ / iIKP environment failure, suite error);
// the harness writes the same file into every results folder.
const categories = JSON.parse(readFileSync(new URL("./harness/allure_categories.json", import.meta.url), "utf8"));

export default defineConfig({
  name: "iIKP: testy akceptacyjne",
  output: "./reports/allure-report",
  // Kept between runs (make run cleans only allure-results), so the report shows trends.
  historyPath: process.env.IIKP_HISTORY_PATH || "./reports/history/history.jsonl",
  // make report says whether this run belongs in the trend (tools/report_gate.py): never a dry run, a
  // failed set-up or the same results twice.
  appendHistory: process.env.IIKP_APPEND_HISTORY !== "0",
  categories,
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
