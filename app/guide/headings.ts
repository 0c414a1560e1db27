// The guide numbers its chapters "一、" and its articles "（一）": official headings are shown with that numbering.

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 23 → 二十三 (1–99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** A chapter's heading as the guide prints it: "二、明确质量管理数字化关键场景". */
export const officialChapterHeading = (c: { number: number; officialHeading: string }): string =>
  `${chineseNumeral(c.number)}、${c.officialHeading}`;

/** An article's heading as the guide prints it: "（四）面向企业重点业务环节的质量管理数字化". */
export const officialArticleHeading = (a: { number: number; officialHeading: string }): string =>
  `（${chineseNumeral(a.number)}）${a.officialHeading}`;
