// `npm run db:synth -- --firms N [--seed S] [--periods 2023,2024,2025] [--replace] [--batch 2000] [--parallel 2]`
//
// A launcher: it runs main.ts in a child Node process with a bounded heap. Left to itself V8 lets the
// old generation grow well past what the generator keeps alive (a few batches of JSON text), and
// the process would pass 300 MB RSS on a long run; with the limit it stays around 200 MB.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const HEAP_FLAG = "--max-old-space-size";
const HEAP_MB = 160;

if (process.execArgv.some((a) => a.startsWith(HEAP_FLAG))) {
  await import("~db/synth/main");
} else {
  const main = fileURLToPath(new URL("./main.ts", import.meta.url));
  // execArgv carries tsx's loader, so the child runs TypeScript the same way.
  const child = spawn(
    process.execPath,
    [...process.execArgv, `${HEAP_FLAG}=${HEAP_MB}`, main, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
