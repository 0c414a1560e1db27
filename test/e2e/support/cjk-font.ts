// Chinese as a phone draws it. Debian's Chromium here has no CJK font, so Chinese falls back to narrow
// boxes and a label that overflows on a phone looks as if it fits. This gives the spec's browser the
// repository's own Noto Sans SC (the PDF's typeface, the same design as "Noto Sans CJK SC" on Android)
// through a fontconfig file of its own, under the name the app's font stack already asks for: the pages
// load nothing extra, and their Content-Security-Policy stays in force.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { LaunchOptions, Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "~test/e2e/support/chromium";

/** The family name in app/ui/app.css's font stack that the font answers to. */
export const CJK_FAMILY = "Noto Sans CJK SC";

/** Chromium's launch options (the suite's, plus the font): `test.use({ launchOptions: cjkFontLaunch() })`. */
export function cjkFontLaunch(): LaunchOptions {
  const require = createRequire(import.meta.url);
  const dirs = ["400Regular/NotoSansSC_400Regular.ttf", "700Bold/NotoSansSC_700Bold.ttf"].map((file) =>
    dirname(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`)),
  );
  // One folder per checkout (several worktrees may run specs at once), written by every process alike.
  const folder = join(
    tmpdir(),
    `qmd-e2e-cjk-font-${createHash("sha256").update(dirs.join()).digest("hex").slice(0, 12)}`,
  );
  mkdirSync(folder, { recursive: true });
  const conf = join(folder, "fonts.conf");
  writeFileSync(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${dirs.map((d) => `  <dir>${d}</dir>`).join("\n")}
  <cachedir>${join(folder, "cache")}</cachedir>
  <alias binding="same"><family>${CJK_FAMILY}</family><prefer><family>Noto Sans SC</family></prefer></alias>
</fontconfig>
`,
  );
  return { ...CHROMIUM_LAUNCH, env: { ...process.env, FONTCONFIG_FILE: conf } };
}

/** The width of "中" at 12 px in the page's body font: 12 in the CJK font, about 9 in the fallback boxes. */
export function cjkFontReady(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const probe = document.createElement("span");
    probe.textContent = "中";
    probe.style.fontSize = "12px";
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width;
  });
}
