// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
// 31-character alphabet (no I, O, S, V, Z); the last one is a check character.
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALID = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; reason: "length" | "characters" | "checksum" };

/** The check character for the first 17 characters (which must use the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error("need exactly 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`character ${first17[i]} is not in the alphabet`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The province named by the registration authority's administrative code (characters 3–8, GB/T
 * 2260) when it is another province than `provinceCode` (six digits); null when they agree or the
 * code carries no digits there. A firm may move, so this is a warning, never an error.
 */
export function creditCodeOtherProvince(creditCode: string, provinceCode: string): string | null {
  const authority = creditCode.replace(/\s+/g, "").slice(2, 8);
  if (!/^\d{6}$/.test(authority)) return null;
  return authority.slice(0, 2) === provinceCode.slice(0, 2) ? null : `${authority.slice(0, 2)}0000`;
}

/** Normalise (trim, upper-case, drop inner spaces) and validate a credit code. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.replace(/\s+/g, "").toUpperCase();
  if (code.length !== 18) return { ok: false, reason: "length" };
  if (!VALID.test(code)) return { ok: false, reason: "characters" };
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return { ok: false, reason: "checksum" };
  return { ok: true, code };
}
