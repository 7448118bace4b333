import {
  deleteArrItems,
  deleteConnection,
  insertAudit,
  findConnection,
  upsertConnection,
  type ConnectionKind,
  type ConnectionRow,
} from '@mj/db';
import { normaliseServerUrl, isMediaError } from '@mj/media';
import type { TenantContext } from '../context';
import { invalid, notFound } from '../errors';
import { jellyfinClient, jellyseerrClient, radarrClient, sonarrClient, type MediaDeps } from '../media-context';
import { connectionTestError, SERVER_LABEL } from './connection-errors';
import { discardTenantData } from '../sync/discard-tenant-data';
import { connectionAad } from '../crypto/secret-box';

export interface ConnectionView {
  kind: ConnectionKind;
  url: string;
  serverName: string | null;
  version: string | null;
  configured: true;
  certFingerprint: string | null;
  /** False when the stored key cannot be decrypted any more (encryption key lost): reconnect. */
  keyReadable: boolean;
  updatedAt: string;
}

export type ConnectCtx = TenantContext & MediaDeps;

function view(row: ConnectionRow, keyReadable: boolean): ConnectionView {
  return {
    kind: row.kind,
    url: row.url,
    serverName: row.serverName,
    version: row.version,
    configured: true,
    certFingerprint: row.certFingerprint,
    keyReadable,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** Connection changes belong to the audit log (RULES §9); never the key. */
async function auditConnection(ctx: ConnectCtx, action: string, detail: Record<string, unknown>) {
  const now = ctx.clock.now();
  await insertAudit(ctx.db.q, ctx.db, [
    { tenantId: ctx.tenantId, at: now, actor: ctx.actor ?? 'system', action, detail },
  ]);
}

function normalise(kind: ConnectionKind, url: string): string {
  try {
    return normaliseServerUrl(url, kind);
  } catch (error) {
    if (isMediaError(error)) throw invalid('invalid_url', error.message, [{ field: 'url', message: error.message }]);
    throw error;
  }
}

/** Tests the server with the given key; stores it (encrypted) only when the test passes. */
export async function connectServer(
  ctx: ConnectCtx,
  kind: ConnectionKind,
  input: { url: string; apiKey: string; certFingerprint?: string | null },
): Promise<ConnectionView> {
  const url = normalise(kind, input.url);
  const access = { url, apiKey: input.apiKey, certFingerprint: input.certFingerprint };
  let info: { serverName: string | null; version: string | null; serverId: string | null };
  if (kind === 'jellyfin') {
    const client = jellyfinClient(ctx.media, access);
    try {
      const probe = await client.probe();
      info = { serverName: probe.serverName || null, version: probe.version || null, serverId: probe.id || null };
    } catch (error) {
      throw connectionTestError(kind, error);
    } finally {
      await client.close();
    }
  } else if (kind === 'jellyseerr') {
    const client = jellyseerrClient(ctx.media, access);
    try {
      const probe = await client.probe();
      info = { serverName: 'Jellyseerr', version: probe.version || null, serverId: null };
    } catch (error) {
      throw connectionTestError(kind, error);
    } finally {
      await client.close();
    }
  } else {
    const client = kind === 'radarr' ? radarrClient(ctx.media, access) : sonarrClient(ctx.media, access);
    try {
      const probe = await client.probe();
      info = { serverName: probe.appName, version: probe.version, serverId: null };
    } catch (error) {
      throw connectionTestError(kind, error);
    } finally {
      await client.close();
    }
  }
  const now = ctx.clock.now();
  const row = {
    tenantId: ctx.tenantId,
    kind,
    url,
    apiKeyCipher: ctx.secrets.seal(input.apiKey, connectionAad(ctx.tenantId, kind)),
    ...info,
    certFingerprint: input.certFingerprint ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await upsertConnection(ctx.db, row);
  await auditConnection(ctx, 'connection.save', { kind, url, serverName: row.serverName, version: row.version });
  ctx.log.info({ tenantId: ctx.tenantId, kind, url }, 'server connected');
  return view(row, true);
}

export async function getConnection(ctx: ConnectCtx, kind: ConnectionKind): Promise<ConnectionView> {
  const row = await findConnection(ctx.db, ctx.tenantId, kind);
  if (!row) throw notFound('not_connected', `No ${SERVER_LABEL[kind]} server is connected.`);
  let readable = true;
  try {
    ctx.secrets.open(row.apiKeyCipher, connectionAad(ctx.tenantId, kind));
  } catch {
    readable = false;
  }
  return view(row, readable);
}

/** Removes the connection and the data synced from it. */
export async function disconnectServer(ctx: ConnectCtx, kind: ConnectionKind): Promise<void> {
  if (!(await deleteConnection(ctx.db, ctx.tenantId, kind))) {
    throw notFound('not_connected', `No ${SERVER_LABEL[kind]} server is connected.`);
  }
  await auditConnection(ctx, 'connection.remove', { kind });
  if (kind === 'radarr' || kind === 'sonarr') await deleteArrItems(ctx.db, ctx.tenantId, kind);
  else await discardTenantData(ctx.db, ctx.tenantId, kind === 'jellyfin' ? 'library' : 'requests');
}

/** Loads a connection with its key in clear, for the sync. Throws `reconnect_required` if undecryptable. */
export async function loadServerAccess(
  deps: Pick<ConnectCtx, 'db' | 'secrets'>,
  tenantId: string,
  kind: ConnectionKind,
) {
  const row = await findConnection(deps.db, tenantId, kind);
  if (!row) return undefined;
  return {
    url: row.url,
    apiKey: deps.secrets.open(row.apiKeyCipher, connectionAad(tenantId, kind)),
    certFingerprint: row.certFingerprint,
  };
}
