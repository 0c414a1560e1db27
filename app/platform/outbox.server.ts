// Email goes through an outbox table written in the same transaction as the change that
// causes it; the outbox task (a job, decision 030) sends pending messages with nodemailer when SMTP_URL
// is set, and otherwise they are only logged (the admin outbox page shows them).
import { desc, eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "~db/connect";
import { emailOutbox } from "~db/schema";
import { config } from "~/platform/config.server";
import { db, rowsOf } from "~/platform/db.server";
import { kickTask } from "~/platform/jobs/jobs.server";
import { logger } from "~/platform/logger.server";

export interface EmailInput {
  to: string;
  subject: string;
  body: string;
  kind: "password_reset" | "invitation" | "notification";
}

export async function enqueueEmail(message: EmailInput, executor: Db = db()): Promise<void> {
  await executor.insert(emailOutbox).values(message);
  // Soon after the caller's transaction commits; a message not yet committed waits for the next round.
  if (config().SMTP_URL) kickTask(OUTBOX_TASK);
}

export function listOutbox(limit = 100) {
  return db().select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}

const MAX_ATTEMPTS = 5;
/** How long a delivery worker holds the messages it took; past it another worker may try them again. */
const CLAIM_SECONDS = 300;
export const OUTBOX_TASK = "outbox-deliver";

/** What sends a message: nodemailer's transport for SMTP_URL, or a test's own. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Send what is pending; returns how many were sent. Each message is first claimed (FOR UPDATE SKIP LOCKED,
 * then held for CLAIM_SECONDS), so any number of workers running this at once never send one twice.
 * Without SMTP (and no transport given) nothing is sent: the messages stay in the outbox page.
 */
export async function deliverPendingEmail(transport?: MailTransport, database: Db = db(), batch = 20): Promise<number> {
  const { SMTP_URL, MAIL_FROM } = config();
  const send = transport ?? (SMTP_URL ? nodemailer.createTransport(SMTP_URL) : undefined);
  if (!send) return 0;
  let sent = 0;
  for (;;) {
    const claimed = rowsOf<Claimed>(
      await database.execute(sql`
        update email_outbox set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS})
        where id in (
          select id from email_outbox
          where sent_at is null and attempts < ${MAX_ATTEMPTS} and (claimed_until is null or claimed_until < now())
          order by created_at limit ${batch}
          for update skip locked)
        returning id, to_address, subject, body, attempts`),
    );
    if (claimed.length === 0) return sent;
    for (const m of claimed) {
      try {
        await send.sendMail({ from: MAIL_FROM, to: m.to_address, subject: m.subject, text: m.body });
        await database
          .update(emailOutbox)
          .set({ sentAt: new Date(), attempts: m.attempts + 1, claimedUntil: null })
          .where(eq(emailOutbox.id, m.id));
        sent++;
      } catch (e) {
        // Released at once for the next round, which skips it once its attempts are used up.
        await database
          .update(emailOutbox)
          .set({ attempts: m.attempts + 1, lastError: (e as Error).message.slice(0, 500), claimedUntil: null })
          .where(eq(emailOutbox.id, m.id));
        logger.warn({ outboxId: m.id, err: (e as Error).message }, "email delivery failed");
      }
    }
    if (claimed.length < batch) return sent;
  }
}

/** Log a message when no SMTP server is configured, so a local trial can follow the link. */
export function logUnsentEmail(message: EmailInput): void {
  if (!config().SMTP_URL)
    logger.info(
      { email: { to: message.to, subject: message.subject, body: message.body } },
      "email kept in outbox (no SMTP_URL)",
    );
}
