// Orchestration: refuse or replace earlier synthetic data, then stream generated batches into the
// database, one statement per batch, generating the next batch while the database writes the last.
import type { Db } from "~db/connect";
import type { Taxonomy } from "~db/synth/distributions";
import { Synthesiser, type SynthOptions } from "~db/synth/generate";
import { type BatchCounts, deleteSynthetic, type Executor, hasSynthetic, insertBatch } from "~db/synth/writer";
import type { QuestionnaireVersion } from "~/assessment/versions.server";

export interface Progress {
  firms: number;
  assessments: number;
  seconds: number;
}

export interface WriteOptions {
  /** assessments per statement (firms are never split across batches) */
  batchAssessments?: number;
  /**
   * Statements in flight at once (default 1). More than one needs a connection pool (PostgreSQL),
   * never a transaction: each statement is then atomic on its own connection.
   */
  parallel?: number;
  onProgress?: (p: Progress) => void;
}

export interface WriteReport {
  seed: number;
  versionId: string;
  periods: string[];
  firms: number;
  groups: number;
  firmsInGroups: number;
  assessments: number;
  byPeriod: Record<string, number>;
  seconds: number;
  peakRssMb: number;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A JSON array built up in one reused byte buffer: each row's JSON text dies young instead of
 * waiting in the heap for its batch, so the garbage collector never has to promote it.
 */
export class JsonArrayBuilder {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  count = 0;

  push(json: string): void {
    const need = this.length + Buffer.byteLength(json) + 2;
    if (need > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = this.count === 0 ? 0x5b : 0x2c; // "[" or ","
    this.length += this.buffer.write(json, this.length);
    this.count++;
  }

  /** The array as text; the builder starts over (keeping its buffer). */
  take(): string {
    const text = this.count === 0 ? "[]" : this.buffer.toString("utf8", 0, this.length) + "]";
    this.length = 0;
    this.count = 0;
    return text;
  }
}

/**
 * Generate and write every firm of the run. The next batch is generated (yielding to I/O every few
 * rows) while the database writes the previous one; with the default of one statement in flight this
 * also runs inside a caller's transaction.
 */
export async function writeSynthetic(
  ex: Executor,
  synth: Synthesiser,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const started = performance.now();
  const batchSize = options.batchAssessments ?? 2000;
  const byPeriod: Record<string, number> = Object.fromEntries(synth.options.periods.map((p) => [p, 0]));
  const groups = new Set<string>();
  const written: BatchCounts = { firms: 0, assessments: 0 };
  let firmsInGroups = 0;
  let peakRss = process.memoryUsage.rss();
  const parallel = Math.max(1, options.parallel ?? 1);
  const inflight = new Set<Promise<void>>();
  let failure: unknown = null;

  const send = (orgs: JsonArrayBuilder, rows: JsonArrayBuilder) => {
    const orgCount = orgs.count;
    const rowCount = rows.count;
    const p = insertBatch(ex, synth.version.id, orgs.take(), rows.take(), orgCount, rowCount).then((c) => {
      written.firms += c.firms;
      written.assessments += c.assessments;
      options.onProgress?.({
        firms: written.firms,
        assessments: written.assessments,
        seconds: (performance.now() - started) / 1000,
      });
    });
    p.catch((e: unknown) => (failure ??= e));
    const tracked = p.finally(() => inflight.delete(tracked)).catch(() => undefined);
    inflight.add(tracked);
    return p;
  };

  const orgs = new JsonArrayBuilder();
  const rows = new JsonArrayBuilder();
  let sinceYield = 0;
  for (const firm of synth.firms()) {
    orgs.push(JSON.stringify(firm.row));
    for (const a of firm.assessments) {
      rows.push(JSON.stringify(a));
      byPeriod[a.period] = (byPeriod[a.period] ?? 0) + 1;
    }
    if (firm.row.group_key) {
      groups.add(firm.row.group_key);
      firmsInGroups++;
    }
    sinceYield += firm.assessments.length;
    if (sinceYield >= 100) {
      sinceYield = 0;
      await yieldToIo();
      if (failure) throw failure;
    }
    if (rows.count >= batchSize) {
      while (inflight.size >= parallel) await Promise.race(inflight);
      if (failure) throw failure;
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      void send(orgs, rows);
    }
  }
  if (orgs.count) void send(orgs, rows);
  await Promise.all(inflight);
  if (failure) throw failure;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return {
    seed: synth.seed,
    versionId: synth.version.id,
    periods: [...synth.options.periods],
    firms: written.firms,
    groups: groups.size,
    firmsInGroups,
    assessments: written.assessments,
    byPeriod,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    peakRssMb: Math.round(peakRss / 1048576),
  };
}

export class SyntheticDataExists extends Error {
  constructor() {
    super("the database already holds synthetic data: run with --replace to delete it first");
  }
}

export interface RunOptions extends SynthOptions, WriteOptions {
  /** delete earlier synthetic rows first (one transaction); without it, refuse when there are some */
  replace?: boolean;
}

/** The CLI's whole run on a database: check or replace, then write. */
export async function runSynth(
  db: Db,
  version: QuestionnaireVersion,
  taxonomy: Taxonomy,
  options: RunOptions,
): Promise<WriteReport & { replaced: BatchCounts | null }> {
  const synth = new Synthesiser(version, taxonomy, options);
  let replaced: BatchCounts | null = null;
  if (options.replace) replaced = await db.transaction((tx) => deleteSynthetic(tx));
  else if (await hasSynthetic(db)) throw new SyntheticDataExists();
  return { ...(await writeSynthetic(db, synth, options)), replaced };
}
