import { describe, expect, it } from "vitest";
import { firmProfileForm, grantRoleForm, signUpForm } from "~/accounts/forms";
import { parseForm } from "~/platform/form-parse";

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const schema = firmProfileForm(
  (c) => c === "C36",
  (r) => r === "330000",
);
const valid = {
  name: "测试企业",
  creditCode: "91350100M000100Y43",
  industryDivision: "C36",
  regionCode: "330000",
  cityCode: "",
  employees: "350",
  revenueWanYuan: "5000",
};

describe("form validation", () => {
  it("accepts a valid firm profile and normalises it", () => {
    const r = parseForm(schema, form({ ...valid, creditCode: "91350100m000100y43" }));
    expect(r).toEqual({
      ok: true,
      data: { ...valid, creditCode: "91350100M000100Y43", cityCode: null, employees: 350, revenueWanYuan: 5000 },
    });
  });

  it("gives each bad field its own message key and echoes the values", () => {
    const r = parseForm(
      schema,
      form({ ...valid, creditCode: "91350100M000100Y44", industryDivision: "C99", employees: "-3", name: "" }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      name: "errors.nameLength",
      creditCode: "errors.creditCodeChecksum",
      industryDivision: "errors.unknownIndustry",
      employees: "errors.wholeNumber",
    });
    expect(r.values.creditCode).toBe("91350100M000100Y44");
  });

  it("never echoes a password back", () => {
    const r = parseForm(signUpForm, form({ email: "bad", password: "short", displayName: "x", locale: "zh" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({ email: "errors.email", password: "errors.passwordLength" });
    expect(r.values).not.toHaveProperty("password");
  });

  it("requires a jurisdiction for government grants only", () => {
    const id = "4d7d6f0e-7c1a-4b8e-9d2f-1a2b3c4d5e6f";
    expect(parseForm(grantRoleForm, form({ userId: id, role: "government" })).ok).toBe(false);
    expect(parseForm(grantRoleForm, form({ userId: id, role: "government", scope: "national" }))).toEqual({
      ok: true,
      data: { userId: id, role: "government", scope: null },
    });
    expect(parseForm(grantRoleForm, form({ userId: id, role: "analyst", scope: "330000" }))).toEqual({
      ok: true,
      data: { userId: id, role: "analyst", scope: null },
    });
  });
});
