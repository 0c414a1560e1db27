// Change notices between web nodes (issue 15 item 2). A process that changes something another node keeps
// in memory announces it with PostgreSQL's NOTIFY, inside the writing transaction when it has one, so the
// notice goes out only if the change commits. Every process LISTENs on one dedicated connection (not one
// of the pool's) and runs the handlers registered for the topic; a lost connection runs every handler
// (notices may have been missed) and is opened again on the next use. On PGlite there is one process per
// data folder, so the handlers run in this process only. Caches keep their own cheap version check as well
// (scene.server's stamp), so a node whose listener is down is stale for seconds, never for good.
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "~db/connect";
import { databaseHandle, db, perDatabase } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";

export const CHANGE_CHANNEL = "qmd_changes";

// Only the scene catalogue is kept in memory across requests: releases, their withdrawal and cases are read
// from the database on each request (a release's cells are cached by release id, and never change).
export type ChangeTopic = "scenes";
const TOPICS: readonly ChangeTopic[] = ["scenes"];

interface Listener {
  handlers: Map<ChangeTopic, Set<() => void>>;
  client?: Promise<pg.Client | undefined> | undefined;
  stopped: boolean;
}

const listener = perDatabase<Listener>(() => ({ handlers: new Map(), stopped: false }));

function run(state: Listener, topic: ChangeTopic): void {
  for (const handler of state.handlers.get(topic) ?? []) handler();
}

/** The pool's connection settings, for a connection of our own beside it. */
function poolOptions(database: Db): pg.ClientConfig | undefined {
  const client = (database as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? (client as unknown as { options: pg.ClientConfig }).options : undefined;
}

async function connect(state: Listener, options: pg.ClientConfig): Promise<pg.Client | undefined> {
  const client = new pg.Client({ ...options, application_name: "qmd-change-notices" });
  const lost = (err?: Error) => {
    if (state.client === undefined) return;
    state.client = undefined;
    if (err) logger.warn({ err: err.message }, "change notices: listener connection lost");
    void client.end().catch(() => undefined);
    for (const topic of TOPICS) run(state, topic);
  };
  client.on("error", lost);
  client.on("end", () => lost());
  client.on("notification", (message) => {
    if (message.channel !== CHANGE_CHANNEL) return;
    const topic = message.payload as ChangeTopic;
    if (TOPICS.includes(topic)) run(state, topic);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    return client;
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "change notices: cannot listen; caches rely on their own checks");
    state.client = undefined;
    void client.end().catch(() => undefined);
    return undefined;
  }
}

/**
 * Run `handler` whenever `topic` changes on any node. Idempotent per handler; also (re)opens the listening
 * connection when it is down, so callers on a hot path may call it on every read.
 */
export function onChange(topic: ChangeTopic, handler: () => void): void {
  const state = listener();
  let set = state.handlers.get(topic);
  if (!set) state.handlers.set(topic, (set = new Set()));
  set.add(handler);
  if (state.client === undefined && !state.stopped && databaseHandle().driver === "postgres") {
    const options = poolOptions(db());
    if (options) state.client = connect(state, options);
  }
}

/** Whether this process currently receives other nodes' notices (tests wait for it). */
export async function listening(): Promise<boolean> {
  return Boolean(await listener().client);
}

/**
 * Tell the other nodes that `topic` changed. Pass the transaction that makes the change: PostgreSQL delivers
 * the notice only when it commits. The writer invalidates its own cache itself, after the commit (a handler
 * run before it could reload the old rows); its listener gets the notice too, which does no harm.
 */
export async function announceChange(topic: ChangeTopic, executor: Db = db()): Promise<void> {
  if (databaseHandle().driver === "postgres")
    await executor.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${topic})`);
}

/** Close the listening connection of the current database (before the pool closes, at shutdown). */
export async function stopChangeNotices(): Promise<void> {
  const state = listener();
  state.stopped = true;
  const client = await state.client;
  state.client = undefined;
  await client?.end().catch(() => undefined);
}
