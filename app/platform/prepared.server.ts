// Prepared statements for the queries every request runs, built once per open database.
import type { Db } from "~db/connect";
import { db, perDatabase } from "~/platform/db.server";

const statements = perDatabase(() => new Map<string, unknown>());

export function prepared<T>(name: string, build: (d: Db) => T): T {
  const byName = statements();
  if (!byName.has(name)) byName.set(name, build(db()));
  return byName.get(name) as T;
}
