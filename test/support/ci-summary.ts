// Sum what the test runners in CI logs reported, and print it as one plain closing line:
//   tsx test/support/ci-summary.ts <log> [<log> ...]
// The line reads "N passed, N failed, N skipped" and is the only line of that shape CI prints: the per-log
// figures before it read "<log>: passed N · failed N · skipped N". It exits 1 when a log shows no test run or a failure,
// so a run whose runners closed on nothing can never look green.
import { readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";

export type Counts = { passed: number; failed: number; skipped: number };

// Vitest: "      Tests  129 passed | 5 skipped (134)" or "Tests  2 failed | 127 passed (129)".
const vitestLine = /^\s*Tests\s+(.+?)\s+\(\d+\)\s*$/;
// Playwright: "  76 passed (4.4m)", "  1 skipped", "  2 failed", "  1 flaky", "  3 did not run".
const playwrightLine = /^\s*(\d+) (passed|failed|skipped|flaky|did not run|interrupted)(?: \([^)]*\))?\s*$/;

function add(counts: Counts, n: number, word: string): void {
  if (word === "passed") counts.passed += n;
  else if (word === "failed" || word === "interrupted") counts.failed += n;
  else if (word === "flaky") counts.passed += n;
  else counts.skipped += n; // skipped, todo, did not run
}

/** The counts that every runner's summary in one log adds up to; null when no summary was found. */
export function countsOf(log: string): Counts | null {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  let found = false;
  for (const raw of log.split("\n")) {
    const line = stripVTControlCharacters(raw);
    const vitest = vitestLine.exec(line);
    if (vitest) {
      found = true;
      for (const part of vitest[1]!.split("|")) {
        const m = /(\d+)\s+(passed|failed|skipped|todo)/.exec(part);
        if (m) add(counts, Number(m[1]), m[2]!);
      }
      continue;
    }
    const pw = playwrightLine.exec(line);
    if (pw) {
      found = true;
      add(counts, Number(pw[1]), pw[2]!);
    }
  }
  return found ? counts : null;
}

const countsText = (c: Counts) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

export function closingLine(total: Counts): string {
  return countsText(total);
}

/** One log's figures, in a shape unlike the closing line, so that a reader of CI output finds one closing line. */
export function logLine(file: string, c: Counts): string {
  return `${file}: passed ${c.passed} · failed ${c.failed} · skipped ${c.skipped}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let ok = true;
  for (const file of process.argv.slice(2)) {
    const counts = countsOf(readFileSync(file, "utf8"));
    if (!counts || counts.passed === 0) {
      console.error(`${file}: no test ran`);
      ok = false;
      continue;
    }
    console.log(logLine(file, counts));
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  if (total.failed > 0) ok = false;
  console.log(closingLine(total));
  process.exit(ok ? 0 : 1);
}
