import { listAllConnectionCiphers, updateConnectionCipher, type Db } from '@mj/db';
import { connectionAad, type SecretBox } from './secret-box';

export interface ResealReport {
  rotated: number;
  alreadyCurrent: number;
  unreadable: { tenantId: string; kind: string }[];
}

/**
 * Re-seals stored API keys with the current (first) encryption key, bound to their row. `all` re-seals
 * every key sealed with an older key (the rotation command); `legacy` only the values sealed before
 * secrets were bound to their row (run at every start-up, idempotent). Keys sealed with an unknown key
 * id are reported, not destroyed: their owners must reconnect.
 */
async function reseal(db: Db, box: SecretBox, scope: 'all' | 'legacy'): Promise<ResealReport> {
  const rows = await listAllConnectionCiphers(db);
  let rotated = 0;
  let current = 0;
  const unreadable: { tenantId: string; kind: string }[] = [];
  for (const row of rows) {
    const legacy = box.isLegacy(row.apiKeyCipher);
    const stale = scope === 'all' && box.keyIdOf(row.apiKeyCipher) !== box.currentKeyId;
    if (!legacy && !stale) {
      current += 1;
      continue;
    }
    const aad = connectionAad(row.tenantId, row.kind);
    let plain: string;
    try {
      plain = box.open(row.apiKeyCipher, aad);
    } catch {
      unreadable.push({ tenantId: row.tenantId, kind: row.kind });
      continue;
    }
    await updateConnectionCipher(db, row.tenantId, row.kind, box.seal(plain, aad));
    rotated += 1;
  }
  return { rotated, alreadyCurrent: current, unreadable };
}

export const rotateEncryptionKeys = (db: Db, box: SecretBox) => reseal(db, box, 'all');

/** The start-up migration that binds pre-existing keys to their tenant and connection (AES-GCM AAD). */
export const resealLegacySecrets = (db: Db, box: SecretBox) => reseal(db, box, 'legacy');
