// `npm run db:seed`: migrate the configured database and add the demo data if it is empty.
import { config } from "~/config.server";
import { closeDatabase, initDatabase } from "~/db.server";
import { seedDemoIfEmpty } from "./seed";

await initDatabase(config());
console.log((await seedDemoIfEmpty()) ? "demo data seeded" : "database not empty: nothing seeded");
await closeDatabase();
