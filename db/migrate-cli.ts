// `npm run db:migrate`: apply committed migrations to the configured database.
import { config } from "~/platform/config.server";
import { closeDatabase, initDatabase } from "~/platform/db.server";

const handle = await initDatabase(config());
console.log(`migrations applied (${handle.driver})`);
await closeDatabase();
