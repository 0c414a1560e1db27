import { eq } from "drizzle-orm";
import { users } from "~db/schema";
import { db } from "~/platform/db.server";

let demo = false;

/** Whether the database holds demo data; read once at start so every page can show the banner. */
export async function refreshDemoMode(): Promise<boolean> {
  const rows = await db().select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1);
  demo = rows.length > 0;
  return demo;
}

export const isDemoMode = () => demo;
