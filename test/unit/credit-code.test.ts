import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCreditCode, CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from "~/firms/credit-code";

const body17 = fc
  .array(fc.constantFrom(...CREDIT_CODE_ALPHABET.split("")), { minLength: 17, maxLength: 17 })
  .map((a) => a.join(""));

describe("unified social credit code (GB 32100)", () => {
  it("accepts the sample code printed in GB 32100 and a check character 'B'", () => {
    expect(checkCreditCode("91350100M000100Y43")).toEqual({ ok: true, code: "91350100M000100Y43" });
    // Sum of value x weight over the 17 characters is 485; 31 - 485 mod 31 = 11, which is "B".
    expect(creditCodeCheckCharacter("91110000802100433")).toBe("B");
  });

  it("normalises case and spaces", () => {
    expect(checkCreditCode(" 91350100m000100y43 ")).toEqual({ ok: true, code: "91350100M000100Y43" });
    expect(checkCreditCode("913501 00M000 100Y43").ok).toBe(true);
  });

  it("names what is wrong", () => {
    expect(checkCreditCode("91350100M000100Y4")).toEqual({ ok: false, reason: "length" });
    expect(checkCreditCode("")).toEqual({ ok: false, reason: "length" });
    expect(checkCreditCode("91350100M000100I43")).toEqual({ ok: false, reason: "characters" });
    expect(checkCreditCode("91350100M000100Y4O")).toEqual({ ok: false, reason: "characters" });
    expect(checkCreditCode("91350100M000100Y44")).toEqual({ ok: false, reason: "checksum" });
  });

  it("accepts any body followed by its check character", () => {
    fc.assert(fc.property(body17, (body) => checkCreditCode(body + creditCodeCheckCharacter(body)).ok));
  });

  it("detects every single-character substitution", () => {
    fc.assert(
      fc.property(body17, fc.nat(16), fc.constantFrom(...CREDIT_CODE_ALPHABET.split("")), (body, pos, ch) => {
        const code = body + creditCodeCheckCharacter(body);
        fc.pre(code[pos] !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        return !checkCreditCode(changed).ok;
      }),
    );
  });

  it("rejects a wrong check character for every body", () => {
    fc.assert(
      fc.property(body17, fc.constantFrom(...CREDIT_CODE_ALPHABET.split("")), (body, ch) => {
        fc.pre(ch !== creditCodeCheckCharacter(body));
        return checkCreditCode(body + ch).ok === false;
      }),
    );
  });
});
