import type { Kit } from '../kit';
import { tenantRef, timestamps } from './columns';
import type { Tenants } from './accounts';

/**
 * A tenant's media servers. The API key is stored AES-256-GCM encrypted (the ciphertext carries its key
 * id, so keys can be rotated); it never leaves the services layer in clear.
 */
export function defineConnections(k: Kit, tenants: Tenants) {
  const connections = k.table(
    'connections',
    {
      tenantId: tenantRef(k, tenants),
      kind: k.text('kind').$type<'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr'>().notNull(),
      url: k.text('url').notNull(),
      apiKeyCipher: k.text('api_key_cipher').notNull(),
      serverName: k.text('server_name'),
      version: k.text('version'),
      serverId: k.text('server_id'),
      /** SHA-256 of a self-signed certificate the user chose to trust. */
      certFingerprint: k.text('cert_fingerprint'),
      ...timestamps(k),
    },
    (t) => [k.primaryKey({ columns: [t.tenantId, t.kind] })],
  );
  return { connections };
}
