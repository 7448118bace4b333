import { loadConfig } from '@mj/config';
import { createDb } from '../client';
import { migrateDb } from '../migrate';

// `pnpm db:migrate`: applies migrations to the configured database (start-up also does this).
const config = loadConfig();
const db = createDb(config.storage.database);
await migrateDb(db);
await db.close();
console.log(`migrations applied (${config.storage.database.dialect})`);
