import { listAllConnectionCiphers, updateConnectionCipher, type Db } from '@mj/db';
import type { SecretBox } from './secret-box';

/**
 * Re-seals every stored API key with the current (first) encryption key. Keys sealed with an unknown
 * key id are reported, not destroyed: their owners must reconnect.
 */
export async function rotateEncryptionKeys(db: Db, box: SecretBox) {
  const rows = await listAllConnectionCiphers(db);
  let rotated = 0;
  let current = 0;
  const unreadable: { tenantId: string; kind: string }[] = [];
  for (const row of rows) {
    if (box.keyIdOf(row.apiKeyCipher) === box.currentKeyId) {
      current += 1;
      continue;
    }
    let plain: string;
    try {
      plain = box.open(row.apiKeyCipher);
    } catch {
      unreadable.push({ tenantId: row.tenantId, kind: row.kind });
      continue;
    }
    await updateConnectionCipher(db, row.tenantId, row.kind, box.seal(plain));
    rotated += 1;
  }
  return { rotated, alreadyCurrent: current, unreadable };
}
