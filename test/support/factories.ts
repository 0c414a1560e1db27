// Test data builders: every call makes new, unique rows.
import { randomUUID } from "node:crypto";
import { demoCreditCode } from "~db/seed";
import { createUser } from "~/accounts/user.server";
import { createFirm, type FirmProfileInput } from "~/firms/firm.server";

let serial = Math.floor(Math.random() * 1_000_000);

export const TEST_PASSWORD = "correct horse battery";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export function uniqueCreditCode(region = "330000"): string {
  serial += 1;
  return demoCreditCode(region, serial);
}

export function makeUser(overrides: { email?: string; password?: string; displayName?: string } = {}) {
  return createUser({
    email: overrides.email ?? uniqueEmail(),
    password: overrides.password ?? TEST_PASSWORD,
    displayName: overrides.displayName ?? "Test User",
    locale: "zh",
  });
}

export function firmInput(overrides: Partial<FirmProfileInput> = {}): FirmProfileInput {
  return {
    name: `Test Firm ${randomUUID().slice(0, 6)}`,
    creditCode: uniqueCreditCode(),
    industryDivision: "C36",
    regionCode: "330000",
    cityCode: null,
    employees: 350,
    revenueWanYuan: 5000,
    sizeClass: "medium",
    ...overrides,
  };
}

export async function makeFirmWithOwner() {
  const owner = await makeUser();
  const firm = await createFirm(owner.id, firmInput());
  return { owner, firm };
}
