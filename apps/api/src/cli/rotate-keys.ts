import { loadConfig, loadOrCreateEmbeddedSecrets } from '@mj/config';
import { createDb, migrateDb } from '@mj/db';
import { rotateEncryptionKeys, SecretBox } from '@mj/services';

// Key rotation: put the new key FIRST in ENCRYPTION_KEYS (keep the old one after it), run this, then
// remove the old key. Usage: pnpm --filter @mj/api exec tsx src/cli/rotate-keys.ts
const config = loadConfig();
const keys = config.crypto.encryptionKeys ?? loadOrCreateEmbeddedSecrets(config.storage.dataDir).encryptionKeys;
const db = createDb(config.storage.database);
await migrateDb(db);
const result = await rotateEncryptionKeys(db, new SecretBox(keys));
await db.close();
console.log(JSON.stringify(result));
if (result.unreadable.length > 0) {
  console.error(
    `${result.unreadable.length} connection(s) use a key that is not configured: their owners must reconnect.`,
  );
  process.exitCode = 1;
}
