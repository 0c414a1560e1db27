// Chart labels drawn on the server, where no font can be measured: an estimate of their width at the
// charts' 12 px and the one wrapping rule every chart uses, so that a label stays inside its chart's
// viewBox in Chinese and in English instead of being clipped or cut short. Pure.

/** Rough advance width of a label character at 12 px: CJK full width, Latin about half. */
export const charWidth = (c: string): number => (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 12 : 6.6);

/** The estimated width of a one-line label at 12 px. */
export const textWidth = (s: string): number => [...s].reduce((w, c) => w + charWidth(c), 0);

/** The widest character: a line can always hold one. */
export const MAX_CHAR_WIDTH = 12;

const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;
/** Closing punctuation that never starts a line (、，。）…): it stays with the character before it. */
const CLOSING = /[\u3001\u3002\u300b\u300d\u300f\u3011\uff09\uff0c\uff1a\uff1b\uff01\uff1f]/;

/**
 * A label's pieces, each with the separator before it: words joined by a space, and within a word, CJK
 * characters that may be broken between (joined by nothing).
 */
function pieces(label: string): Array<{ sep: string; text: string }> {
  const out: Array<{ sep: string; text: string }> = [];
  for (const word of label.trim().split(/\s+/)) {
    let sep = out.length ? " " : "";
    let run = "";
    for (const c of word) {
      if (CLOSING.test(c) || run === "" || (!CJK.test(c) && !CJK.test(run.slice(-1)))) run += c;
      else {
        out.push({ sep, text: run });
        sep = "";
        run = c;
      }
    }
    if (run) out.push({ sep, text: run });
  }
  return out;
}

/** Fills lines no wider than `max` in order; a piece wider than `max` is broken between characters. */
function fill(parts: Array<{ sep: string; text: string }>, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const { sep, text } of parts) {
    if (line && textWidth(line + sep + text) <= max) {
      line += sep + text;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    for (const c of text) {
      if (line && textWidth(line + c) > max) {
        lines.push(line);
        line = "";
      }
      line += c;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Breaks a label into lines no wider than `max` px (at least MAX_CHAR_WIDTH), as few as will do and as
 * even as they can be: Latin text breaks between words (a word too long for a line between its
 * characters), CJK text between characters but never before closing punctuation. No character other
 * than the spaces at a break is lost.
 */
export function wrapLabel(label: string, max: number): string[] {
  const parts = pieces(label);
  const lines = fill(parts, max);
  if (lines.length < 2) return lines;
  // The narrowest measure that needs no more lines, so that the last line is not a stub; never so narrow
  // that a word which fits a line would be broken.
  let low = Math.min(max, Math.max(MAX_CHAR_WIDTH, ...parts.map((p) => textWidth(p.text))));
  let high = max;
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    if (fill(parts, mid).length <= lines.length) high = mid;
    else low = mid;
  }
  return fill(parts, high);
}

/**
 * A column of labels beside a chart: as wide as its longest label up to `max`, each label wrapped to fit
 * it. `width` is the column's width, `lines` each label's lines.
 */
export function labelColumn(labels: string[], max: number): { width: number; lines: string[][] } {
  const width = Math.min(max, Math.max(0, ...labels.map(textWidth)));
  return { width, lines: labels.map((l) => wrapLabel(l, width)) };
}

/** Row headers wider than this (in ems, as estimated) wrap in tables (th.wraps in app/ui/app.css). */
export const ROW_HEADER_EMS = 14;

/** Whether a table's row header is long enough to wrap rather than stay on one line. */
export const wrapsAsRowHeader = (label: string): boolean => textWidth(label) / MAX_CHAR_WIDTH > ROW_HEADER_EMS;
