import { randomBytes } from 'node:crypto';
import { createUserWithTenant, findConnection, newId, upsertConnection } from '@mj/db';
import { createTestDb, TEST_DIALECTS } from '@mj/db/testing';
import { describe, expect, it } from 'vitest';
import { rotateEncryptionKeys, SecretBox, ServiceError } from '../src';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('SecretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = new SecretBox([key('k1')]);
    const sealed = box.seal('jellyfin-api-key-123');
    expect(sealed).not.toContain('jellyfin-api-key-123');
    expect(sealed.startsWith('v1:k1:')).toBe(true);
    expect(box.open(sealed)).toBe('jellyfin-api-key-123');
  });

  it('uses a fresh IV for every seal', () => {
    const box = new SecretBox([key('k1')]);
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('opens values sealed with an older key while sealing with the first one', () => {
    const old = key('old');
    const sealedWithOld = new SecretBox([old]).seal('secret');
    const box = new SecretBox([key('new'), old]);
    expect(box.open(sealedWithOld)).toBe('secret');
    expect(box.keyIdOf(box.seal('x'))).toBe('new');
  });

  it('a wrong or missing key gives a clear reconnect error, never garbage', () => {
    const sealed = new SecretBox([key('k1')]).seal('secret');
    const other = new SecretBox([key('k1')]);
    expect(() => other.open(sealed)).toThrow(ServiceError);
    expect(() => other.open(sealed)).toThrow(/Reconnect your server/);
    expect(() => new SecretBox([key('k2')]).open(sealed)).toThrow(/k1 is not configured/);
  });

  it('detects tampering', () => {
    const box = new SecretBox([key('k1')]);
    const parts = box.seal('secret').split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow(ServiceError);
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
      for (const [i, tenantId] of tenants.entries()) {
        await createUserWithTenant(db, {
          userId: newId(),
          tenantId,
          email: `rot${i}-${tenantId}@x.test`,
          passwordHash: 'h',
          now: 1,
        });
      }
      const seal = (k: typeof oldKey, v: string) => new SecretBox([k]).seal(v);
      const row = (tenantId: string, cipher: string) => ({
        tenantId,
        kind: 'jellyfin' as const,
        url: 'http://jf',
        apiKeyCipher: cipher,
        createdAt: 1,
        updatedAt: 1,
      });
      await upsertConnection(db, row(tenants[0]!, seal(oldKey, 'key-a')));
      await upsertConnection(db, row(tenants[1]!, seal(oldKey, 'key-b')));
      await upsertConnection(db, row(tenants[2]!, seal(lost, 'key-c')));

      const newKey = key('new');
      const box = new SecretBox([newKey, oldKey]);
      const result = await rotateEncryptionKeys(db, box);
      expect(result.rotated).toBe(2);
      expect(result.unreadable).toEqual([{ tenantId: tenants[2], kind: 'jellyfin' }]);

      // Once rotated, the old key can be dropped.
      const a = await findConnection(db, tenants[0]!, 'jellyfin');
      expect(new SecretBox([newKey]).open(a!.apiKeyCipher)).toBe('key-a');
      expect((await rotateEncryptionKeys(db, box)).rotated).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
