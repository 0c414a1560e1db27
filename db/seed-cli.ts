// `npm run db:seed`: migrate the configured database and add the demo data if it is empty.
import { seedDemoIfEmpty } from "~db/seed";
import { config } from "~/platform/config.server";
import { closeDatabase, initDatabase } from "~/platform/db.server";

await initDatabase(config());
console.log((await seedDemoIfEmpty()) ? "demo data seeded" : "database not empty: nothing seeded");
await closeDatabase();
