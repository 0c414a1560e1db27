// Start the built portal for end-to-end tests on a fresh embedded database (or the given PostgreSQL).
import { rmSync } from "node:fs";

if (!process.env.DATABASE_URL && process.env.PGLITE_DIR)
  rmSync(process.env.PGLITE_DIR, { recursive: true, force: true });
await import("../../../build/server.js");
