import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ServiceError } from '../errors';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/**
 * AES-256-GCM for secrets at rest (media servers' API keys). The ciphertext names the key that sealed
 * it — `v2:<keyId>:<iv>:<tag>:<data>` — so keys rotate: the first key seals, every listed key opens.
 * GCM's tag makes a wrong key or a tampered value fail loudly instead of returning garbage.
 *
 * Every secret is bound to where it is stored (`aad`, GCM's associated data, e.g. the tenant and the
 * connection): a ciphertext copied into another tenant's row (a database write bug, a restore gone
 * wrong, an attacker with SQL access) does not decrypt there. `v1` values, sealed before the binding
 * existed, still open; `resealLegacySecrets` upgrades them at start-up.
 */
export class SecretBox {
  readonly #keys: Map<string, Buffer>;
  readonly #current: EncryptionKey;

  constructor(keys: EncryptionKey[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`encryption key ${k.id} must be 32 bytes`);
    this.#keys = new Map(keys.map((k) => [k.id, k.key]));
    this.#current = keys[0]!;
  }

  get currentKeyId(): string {
    return this.#current.id;
  }

  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v2', this.#current.id, iv.toString('base64'), tag.toString('base64'), data.toString('base64')].join(':');
  }

  open(sealed: string, aad: string): string {
    const [version, keyId, iv, tag, data] = sealed.split(':');
    const key = keyId ? this.#keys.get(keyId) : undefined;
    if ((version !== 'v1' && version !== 'v2') || !key || !iv || !tag || data === undefined) throw undecryptable(keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      if (version === 'v2') decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw undecryptable(keyId);
    }
  }

  keyIdOf(sealed: string): string | undefined {
    return sealed.split(':')[1];
  }

  /** True for values sealed before secrets were bound to their row (no associated data). */
  isLegacy(sealed: string): boolean {
    return sealed.startsWith('v1:');
  }
}

/** The associated data of a connection's API key: its tenant and kind. */
export function connectionAad(tenantId: string, kind: string): string {
  return `connection:${tenantId}:${kind}`;
}

function undecryptable(keyId: string | undefined) {
  return new ServiceError(
    'conflict',
    'reconnect_required',
    `The stored API key cannot be decrypted (encryption key ${keyId ?? '?'} is not configured). Reconnect your server.`,
  );
}
