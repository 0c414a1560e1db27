// Prepared statements for the queries every request runs, built once per open database.
import type { Db } from "~db/connect";
import { db } from "./db.server";

const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(name: string, build: (d: Db) => T): T {
  const d = db();
  let byName = cache.get(d);
  if (!byName) {
    byName = new Map();
    cache.set(d, byName);
  }
  if (!byName.has(name)) byName.set(name, build(d));
  return byName.get(name) as T;
}
