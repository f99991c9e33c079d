// Prints one line per failed test from the suites' JSON reports (Vitest and Playwright), so the
// last lines of a long CI log name what failed: "FAILED <stage> <file> > <test>: <first line>".
// Usage: node scripts/list-failures.mjs <report.json>...  (missing or unreadable reports are skipped:
// the caller already counts a stage without a report as failed).
import fs from "node:fs";
import path from "node:path";

const firstLine = (text) => String(text ?? "").replace(/\x1b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim())?.trim().slice(0, 200) ?? "";
const rel = (file) => path.relative(process.cwd(), file ?? "");

function vitestFailures(report, stage) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests) lines.push(`FAILED ${stage} ${rel(file.name)} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    // A file that failed without a failed test (an import error, a hook that threw).
    if (file.status === "failed" && failedTests.length === 0) lines.push(`FAILED ${stage} ${rel(file.name)}: ${firstLine(file.message)}`);
  }
  return lines;
}

function playwrightFailures(report) {
  const lines = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const failed = (test.results ?? []).find((r) => r.status !== "passed" && r.status !== "skipped");
        lines.push(`FAILED e2e ${spec.file} > ${[...titles, spec.title].join(" > ")}: ${firstLine(failed?.error?.message ?? failed?.status)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.title && !child.title.endsWith(".ts") ? [...titles, child.title] : titles);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const error of report.errors ?? []) lines.push(`FAILED e2e (run): ${firstLine(error.message)}`);
  return lines;
}

for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    continue;
  }
  const stage = path.basename(file, ".json");
  const lines = Array.isArray(report.testResults) ? vitestFailures(report, stage) : playwrightFailures(report);
  for (const line of lines) console.log(line);
}
