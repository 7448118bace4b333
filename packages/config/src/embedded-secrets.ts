import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedSecrets {
  jwtSecret: string;
  encryptionKeys: { id: string; key: Buffer }[];
}

/**
 * Embedded mode needs no configuration: the JWT secret and the encryption key are generated on first
 * start and kept in DATA_DIR, readable by the owner only. Production mode must pass them in the
 * environment (a lost key means every stored API key has to be re-entered).
 */
export function loadOrCreateEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const fresh = {
      jwtSecret: randomBytes(48).toString('base64url'),
      encryptionKeys: [{ id: 'k1', key: randomBytes(32).toString('base64') }],
    };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    jwtSecret: string;
    encryptionKeys: { id: string; key: string }[];
  };
  return {
    jwtSecret: raw.jwtSecret,
    encryptionKeys: raw.encryptionKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') })),
  };
}
