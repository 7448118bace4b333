import { createCipheriv, randomBytes } from 'node:crypto';
import { findConnection, newId, upsertConnection } from '@mj/db';
import { createTestDb, TEST_DIALECTS, createTestTenant } from '@mj/db/testing';
import { describe, expect, it } from 'vitest';
import { connectionAad, resealLegacySecrets, rotateEncryptionKeys, SecretBox, ServiceError } from '../src';

const key = (id: string) => ({ id, key: randomBytes(32) });
const AAD = 'connection:t1:jellyfin';

/** A value as sealed before secrets were bound to their row: `v1`, no associated data. */
function sealLegacy(k: { id: string; key: Buffer }, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', k.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

describe('SecretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = new SecretBox([key('k1')]);
    const sealed = box.seal('jellyfin-api-key-123', AAD);
    expect(sealed).not.toContain('jellyfin-api-key-123');
    expect(sealed.startsWith('v2:k1:')).toBe(true);
    expect(box.open(sealed, AAD)).toBe('jellyfin-api-key-123');
  });

  it('uses a fresh IV for every seal', () => {
    const box = new SecretBox([key('k1')]);
    expect(box.seal('same', AAD)).not.toBe(box.seal('same', AAD));
  });

  it('opens values sealed with an older key while sealing with the first one', () => {
    const old = key('old');
    const sealedWithOld = new SecretBox([old]).seal('secret', AAD);
    const box = new SecretBox([key('new'), old]);
    expect(box.open(sealedWithOld, AAD)).toBe('secret');
    expect(box.keyIdOf(box.seal('x', AAD))).toBe('new');
  });

  it('a wrong or missing key gives a clear reconnect error, never garbage', () => {
    const sealed = new SecretBox([key('k1')]).seal('secret', AAD);
    const other = new SecretBox([key('k1')]);
    expect(() => other.open(sealed, AAD)).toThrow(ServiceError);
    expect(() => other.open(sealed, AAD)).toThrow(/Reconnect your server/);
    expect(() => new SecretBox([key('k2')]).open(sealed, AAD)).toThrow(/k1 is not configured/);
  });

  it('detects tampering', () => {
    const box = new SecretBox([key('k1')]);
    const parts = box.seal('secret', AAD).split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join(':'), AAD)).toThrow(ServiceError);
  });

  it('aes-gcm aad: a key sealed for one tenant and connection does not open for another', () => {
    const box = new SecretBox([key('k1')]);
    const sealed = box.seal('secret', connectionAad('tenant-a', 'jellyfin'));
    expect(box.open(sealed, connectionAad('tenant-a', 'jellyfin'))).toBe('secret');
    expect(() => box.open(sealed, connectionAad('tenant-b', 'jellyfin'))).toThrow(/Reconnect your server/);
    expect(() => box.open(sealed, connectionAad('tenant-a', 'jellyseerr'))).toThrow(ServiceError);
  });

  it('aes-gcm aad: values sealed before the binding (v1) still open', () => {
    const k = key('k1');
    const box = new SecretBox([k]);
    const legacy = sealLegacy(k, 'secret');
    expect(box.isLegacy(legacy)).toBe(true);
    expect(box.open(legacy, AAD)).toBe('secret');
    expect(box.isLegacy(box.seal('secret', AAD))).toBe(false);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new SecretBox([{ id: 'x', key: randomBytes(16) }])).toThrow(/32 bytes/);
  });
});

describe.each(TEST_DIALECTS)('encryption key rotation (%s)', (dialect) => {
  it('re-seals every key with the new key and reports unreadable ones', async () => {
    const db = await createTestDb(dialect);
    try {
      const oldKey = key('old');
      const lost = key('lost');
      const tenants = [newId(), newId(), newId()];
      for (const tenantId of tenants) await createTestTenant(db, 1, tenantId);
      const seal = (k: typeof oldKey, v: string, tenantId: string) =>
        new SecretBox([k]).seal(v, connectionAad(tenantId, 'jellyfin'));
      const row = (tenantId: string, cipher: string) => ({
        tenantId,
        kind: 'jellyfin' as const,
        url: 'http://jf',
        apiKeyCipher: cipher,
        createdAt: 1,
        updatedAt: 1,
      });
      await upsertConnection(db, row(tenants[0]!, seal(oldKey, 'key-a', tenants[0]!)));
      await upsertConnection(db, row(tenants[1]!, seal(oldKey, 'key-b', tenants[1]!)));
      await upsertConnection(db, row(tenants[2]!, seal(lost, 'key-c', tenants[2]!)));

      const newKey = key('new');
      const box = new SecretBox([newKey, oldKey]);
      const result = await rotateEncryptionKeys(db, box);
      expect(result.rotated).toBe(2);
      expect(result.unreadable).toEqual([{ tenantId: tenants[2], kind: 'jellyfin' }]);

      // Once rotated, the old key can be dropped.
      const a = await findConnection(db, tenants[0]!, 'jellyfin');
      expect(new SecretBox([newKey]).open(a!.apiKeyCipher, connectionAad(tenants[0]!, 'jellyfin'))).toBe('key-a');
      expect((await rotateEncryptionKeys(db, box)).rotated).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});

describe.each(TEST_DIALECTS)('aes-gcm aad re-seal migration (%s)', (dialect) => {
  it('binds legacy keys to their tenant and connection, once, leaving bound keys alone', async () => {
    const db = await createTestDb(dialect);
    try {
      const k = key('k1');
      const box = new SecretBox([k]);
      const [t1, t2] = [newId(), newId()];
      for (const tenantId of [t1!, t2!]) await createTestTenant(db, 1, tenantId);
      const base = { kind: 'jellyfin' as const, url: 'http://jf', createdAt: 1, updatedAt: 1 };
      await upsertConnection(db, { ...base, tenantId: t1!, apiKeyCipher: sealLegacy(k, 'key-1') });
      const bound = box.seal('key-2', connectionAad(t2!, 'jellyfin'));
      await upsertConnection(db, { ...base, tenantId: t2!, apiKeyCipher: bound });

      const report = await resealLegacySecrets(db, box);
      expect(report).toMatchObject({ rotated: 1, alreadyCurrent: 1, unreadable: [] });
      const row1 = await findConnection(db, t1!, 'jellyfin');
      expect(row1!.apiKeyCipher.startsWith('v2:k1:')).toBe(true);
      expect(box.open(row1!.apiKeyCipher, connectionAad(t1!, 'jellyfin'))).toBe('key-1');
      expect(() => box.open(row1!.apiKeyCipher, connectionAad(t2!, 'jellyfin'))).toThrow(ServiceError);
      expect((await findConnection(db, t2!, 'jellyfin'))!.apiKeyCipher).toBe(bound);
      expect((await resealLegacySecrets(db, box)).rotated).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
