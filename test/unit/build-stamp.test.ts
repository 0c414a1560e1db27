// `npm start` builds only when the sources changed, and retries once an esbuild deadlock (issue 15 item 7,
// decision 036). No esbuild here: the stamp runs on a temporary folder, the retry on fake builds.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

type Result = { code: number; output: string };
// server/ has no import alias (it is not part of the app); load it by file URL.
const { buildWithRetry, decideBuild, ESBUILD_DEADLOCK, removeStamp, runCommand, shouldRetry, writeStamp } =
  (await import(new URL("../../server/build-stamp.mjs", import.meta.url).href)) as {
    buildWithRetry: (
      run: () => Promise<Result>,
      log: (m: string) => void,
    ) => Promise<{ code: number; attempts: number }>;
    decideBuild: (root: string) => { build: boolean; reason: string; inputs: string };
    ESBUILD_DEADLOCK: string;
    removeStamp: (root: string) => void;
    runCommand: (command: string, args: string[], options?: { cwd?: string; echo?: boolean }) => Promise<Result>;
    shouldRetry: (result: Result, attempt: number) => boolean;
    writeStamp: (root: string, inputs: string) => void;
  };

let root = "";
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
/** A project as `npm start` sees it after one successful build. */
const builtProject = () => {
  put("app/root.tsx", "export default 1;\n");
  put("server/index.ts", "console.log('up');\n");
  put("db/schema.ts", "export const t = 1;\n");
  put("db/migrations/0000_init.sql", "create table t ();\n");
  put("public/favicon.ico", "icon");
  put("content/scenes/a.json", "{}");
  put("package-lock.json", "{}");
  put("tsconfig.json", "{}");
  put("remix.config.js", "export default {};\n");
  put("build/index.js", "remix build");
  put("build/server.js", "server bundle");
  put("public/build/entry.client-ABC.js", "browser bundle");
  writeStamp(root, decideBuild(root).inputs);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "qmd-stamp-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the start stamp", () => {
  it("builds when there is no stamp, and skips once a build is stamped", () => {
    put("app/root.tsx", "export default 1;\n");
    put("build/server.js", "server bundle");
    expect(decideBuild(root)).toMatchObject({ build: true, reason: "no stamp of an earlier build" });
    writeStamp(root, decideBuild(root).inputs);
    expect(decideBuild(root)).toMatchObject({ build: false, reason: "the build is up to date" });
  });

  it("skips when nothing changed, even when files were rewritten with the same text", () => {
    builtProject();
    put("app/root.tsx", "export default 1;\n");
    utimesSync(join(root, "server/index.ts"), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(decideBuild(root).build).toBe(false);
  });

  it.each([
    ["a changed app file", () => put("app/root.tsx", "export default 2;\n")],
    ["a new app file", () => put("app/routes/new.tsx", "export default 3;\n")],
    ["a changed server file", () => put("server/index.ts", "console.log('changed');\n")],
    ["a changed db file", () => put("db/schema.ts", "export const t = 2;\n")],
    ["a changed public file", () => put("public/favicon.ico", "new icon")],
    ["a changed lockfile", () => put("package-lock.json", '{"v":2}')],
    ["a changed tsconfig", () => put("tsconfig.json", '{"strict":true}')],
    ["a changed remix.config.js", () => put("remix.config.js", "export default { x: 1 };\n")],
    ["a deleted app file", () => rmSync(join(root, "app/root.tsx"))],
  ])("builds again after %s", (_what, change) => {
    builtProject();
    change();
    expect(decideBuild(root)).toMatchObject({ build: true, reason: "the sources changed since the last build" });
  });

  it("skips after a change of files the server reads at run time (content, migrations)", () => {
    builtProject();
    put("content/scenes/a.json", '{"changed":true}');
    put("db/migrations/0001_more.sql", "alter table t add column c int;\n");
    expect(decideBuild(root).build).toBe(false);
  });

  it.each([
    ["a deleted server bundle", () => rmSync(join(root, "build/server.js"))],
    ["a different Remix build (npm run dev writes one)", () => put("build/index.js", "development build")],
    ["an emptied browser bundle", () => rmSync(join(root, "public/build"), { recursive: true })],
  ])("builds again after %s", (_what, change) => {
    builtProject();
    change();
    expect(decideBuild(root)).toMatchObject({
      build: true,
      reason: "the build output changed since the last build",
    });
  });

  it("builds again when the stamp is gone or unreadable", () => {
    builtProject();
    put("build/.start-stamp.json", "{not json");
    expect(decideBuild(root)).toMatchObject({ build: true, reason: "the stamp is unreadable" });
    removeStamp(root);
    expect(decideBuild(root)).toMatchObject({ build: true, reason: "no stamp of an earlier build" });
  });

  it("builds again when a source changed during the build (the stamp holds the hash taken before)", () => {
    put("app/root.tsx", "before\n");
    put("build/server.js", "server bundle");
    const before = decideBuild(root).inputs;
    put("app/root.tsx", "edited while building\n");
    writeStamp(root, before);
    expect(decideBuild(root)).toMatchObject({ build: true, reason: "the sources changed since the last build" });
  });
});

const deadlock = { code: 2, output: `[info] built (15s)\n${ESBUILD_DEADLOCK}\n\ngoroutine 1 [chan receive]:\n` };
const typeError = { code: 1, output: '✘ [ERROR] Could not resolve "~/nowhere"\n' };
const ok = { code: 0, output: "[info] built (9s)\n" };

/** A fake build that answers the given results in turn and counts its calls. */
const fakeBuild = (...results: Result[]) => {
  const run = async () => {
    const result = results[run.calls++];
    if (!result) throw new Error("built more often than expected");
    return result;
  };
  run.calls = 0;
  return run;
};

describe("the retry after an esbuild deadlock", () => {
  it("retries only the first attempt, only for the deadlock", () => {
    expect(shouldRetry(deadlock, 1)).toBe(true);
    expect(shouldRetry(deadlock, 2)).toBe(false);
    expect(shouldRetry(typeError, 1)).toBe(false);
    expect(shouldRetry(ok, 1)).toBe(false);
    // the deadlock line in the output of a build that exited 0 is no failure
    expect(shouldRetry({ code: 0, output: ESBUILD_DEADLOCK }, 1)).toBe(false);
  });

  it("builds once more after a deadlock and then succeeds", async () => {
    const run = fakeBuild(deadlock, ok);
    const logged: string[] = [];
    expect(await buildWithRetry(run, (m) => logged.push(m))).toEqual({ code: 0, attempts: 2 });
    expect(run.calls).toBe(2);
    expect(logged.join("\n")).toContain("evanw/esbuild#3287");
  });

  it("fails after a second deadlock without a third attempt", async () => {
    const run = fakeBuild(deadlock, deadlock);
    expect(await buildWithRetry(run, () => {})).toEqual({ code: 2, attempts: 2 });
    expect(run.calls).toBe(2);
  });

  it("fails at once on any other failure", async () => {
    const run = fakeBuild(typeError);
    expect(await buildWithRetry(run, () => {})).toEqual({ code: 1, attempts: 1 });
    expect(run.calls).toBe(1);
  });

  it("builds once when the first build succeeds", async () => {
    const run = fakeBuild(ok);
    expect(await buildWithRetry(run, () => {})).toEqual({ code: 0, attempts: 1 });
    expect(run.calls).toBe(1);
  });

  it("sees the deadlock line that a grandchild writes to stderr, as esbuild's Go service does", async () => {
    // node -> node child, the inner one printing the Go runtime's line and exiting 2, like esbuild's service
    const inner = `process.stderr.write(${JSON.stringify(`${ESBUILD_DEADLOCK}\n`)}); process.exit(2)`;
    const outer = `const r = require("node:child_process").spawnSync(process.execPath, ["-e", ${JSON.stringify(inner)}], { stdio: "inherit" }); process.exit(r.status)`;
    const result = await runCommand(process.execPath, ["-e", outer], { echo: false });
    expect(result.code).toBe(2);
    expect(shouldRetry(result, 1)).toBe(true);
  });
});
