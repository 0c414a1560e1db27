import { eq } from "drizzle-orm";
import { type User, users } from "~db/schema";
import { hashPassword, verifyPassword } from "~/accounts/password.server";
import type { Locale } from "~/i18n/locales";
import { db } from "~/platform/db.server";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailTakenError extends Error {}

export async function findUserByEmail(email: string): Promise<User | null> {
  const [user] = await db()
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return user ?? null;
}

export async function createUser(input: {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  isDemo?: boolean;
}): Promise<User> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const [user] = await db()
    .insert(users)
    .values({
      email,
      passwordHash,
      displayName: input.displayName.trim(),
      locale: input.locale,
      isDemo: input.isDemo ?? false,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!user) throw new EmailTakenError(email);
  return user;
}

// A fixed hash verified when the email is unknown, so both cases take the same time.
let decoyHash: Promise<string> | undefined;

export async function verifyCredentials(email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(email);
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  return user && ok ? user : null;
}

export async function updateUserProfile(id: string, input: { displayName: string; locale: Locale }): Promise<void> {
  await db()
    .update(users)
    .set({ displayName: input.displayName.trim(), locale: input.locale, updatedAt: new Date() })
    .where(eq(users.id, id));
}
