// Email goes through an outbox table written in the same transaction as the change that
// causes it; a worker sends pending messages with nodemailer when SMTP_URL is set, and
// otherwise only logs them (the admin outbox page shows them).
import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "~db/connect";
import { emailOutbox } from "~db/schema";
import { config } from "~/platform/config.server";
import { db } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";

export interface EmailInput {
  to: string;
  subject: string;
  body: string;
  kind: "password_reset" | "invitation" | "notification";
}

export async function enqueueEmail(message: EmailInput, executor: Db = db()): Promise<void> {
  await executor.insert(emailOutbox).values(message);
}

export function listOutbox(limit = 100) {
  return db().select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}

const MAX_ATTEMPTS = 5;

/** Send what is pending; returns how many were sent. Without SMTP the messages are only logged. */
export async function deliverPendingEmail(): Promise<number> {
  const { SMTP_URL, MAIL_FROM } = config();
  if (!SMTP_URL) return 0;
  const pending = await db()
    .select()
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(20);
  const transport = nodemailer.createTransport(SMTP_URL);
  let sent = 0;
  for (const m of pending) {
    try {
      await transport.sendMail({ from: MAIL_FROM, to: m.to, subject: m.subject, text: m.body });
      await db()
        .update(emailOutbox)
        .set({ sentAt: new Date(), attempts: m.attempts + 1 })
        .where(eq(emailOutbox.id, m.id));
      sent++;
    } catch (e) {
      await db()
        .update(emailOutbox)
        .set({ attempts: m.attempts + 1, lastError: (e as Error).message.slice(0, 500) })
        .where(eq(emailOutbox.id, m.id));
      logger.warn({ outboxId: m.id, err: (e as Error).message }, "email delivery failed");
    }
  }
  return sent;
}

/** Log a message when no SMTP server is configured, so a local trial can follow the link. */
export function logUnsentEmail(message: EmailInput): void {
  if (!config().SMTP_URL)
    logger.info(
      { email: { to: message.to, subject: message.subject, body: message.body } },
      "email kept in outbox (no SMTP_URL)",
    );
}
