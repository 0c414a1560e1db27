// The PDF's one typeface: Noto Sans SC (SIL OFL 1.1) from an npm package, so Chinese renders with no
// system font and no network. Each weight is ~10 MB of TrueType: it is read and parsed once per process
// and the parsed font is handed to every document, which embeds only the glyphs it uses (a subset).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

const FILES = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;

export type PdfWeight = keyof typeof FILES;

let fonts: Record<PdfWeight, Font> | undefined;

function load(file: string): Font {
  const font = create(readFileSync(createRequire(import.meta.url).resolve(file)));
  if (!("layout" in font)) throw new Error(`${file} is a font collection, not one font`);
  return font;
}

/** The parsed regular and bold weights, read on first use. */
export function pdfFonts(): Record<PdfWeight, Font> {
  fonts ??= { regular: load(FILES.regular), bold: load(FILES.bold) };
  return fonts;
}
