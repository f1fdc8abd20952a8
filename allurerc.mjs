// Allure Report 3 configuration: `make report` turns reports/allure-results into reports/allure-report.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "allure";

// The failure categories in Polish (product defect, PZ / iIKP environment failure, suite error);
// the harness writes the same file into every results folder.
const categories = JSON.parse(readFileSync(new URL("./harness/allure_categories.json", import.meta.url), "utf8"));

// The results folder make report reads (RESULTS in the Makefile).
const results = process.env.IIKP_RESULTS || "./reports/allure-results";

function git(...args) {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

// The run's settings under Polish names (harness/reporting.py writes them), then what only the results
// and the repository know: how many processes ran scenarios, the commit, the suite's version.
function runVariables() {
  const file = join(results, "iikp-zmienne.json");
  const variables = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const threads = new Set();
  const hosts = new Set();
  for (const name of existsSync(results) ? readdirSync(results) : []) {
    if (!name.endsWith("-result.json")) continue;
    try {
      for (const label of JSON.parse(readFileSync(join(results, name), "utf8")).labels ?? []) {
        if (label.name === "thread") threads.add(label.value);
        if (label.name === "host") hosts.add(label.value);
      }
    } catch {
      // a result being written: counted on the next build
    }
  }
  if (threads.size) variables["Procesy równoległe"] = String(threads.size);
  if (hosts.size) variables["Maszyny"] = [...hosts].join(", ");
  const commit = process.env.CI_COMMIT_SHA || process.env.GITHUB_SHA || process.env.GIT_COMMIT || git("rev-parse", "HEAD");
  if (commit) {
    const dirty = !process.env.CI && git("status", "--porcelain", "--untracked-files=no") ? " (ze zmianami)" : "";
    variables["Commit"] = commit.slice(0, 12) + dirty;
  }
  const version = git("describe", "--tags", "--always");
  if (version) variables["Wersja zestawu"] = version;
  return variables;
}

export default defineConfig({
  name: "iIKP: testy akceptacyjne",
  output: "./reports/allure-report",
  // Kept between runs (make run cleans only allure-results), so the report shows trends.
  historyPath: process.env.IIKP_HISTORY_PATH || "./reports/history/history.jsonl",
  // make report says whether this run belongs in the trend (tools/report_gate.py): never a dry run, a
  // failed set-up or the same results twice.
  appendHistory: process.env.IIKP_APPEND_HISTORY !== "0",
  categories,
  variables: runVariables(),
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
