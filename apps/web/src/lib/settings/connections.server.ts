import { fail, type RequestEvent } from '@sveltejs/kit';
import type { ConnectionState } from '@mj/contracts';
import { translator, type Translate } from '$lib/i18n';
import { formString } from '$lib/server/actions';
import { ApiError, type ApiClient, type ApiData } from '$lib/server/api-client';
import { describeApiError } from '$lib/server/form-errors';
import { apiFor } from '$lib/server/session';
import { connectionErrorKey, tlsFingerprint } from './connection-errors';

export type ConnectionKind = 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr';
export const CONNECTION_KINDS: readonly ConnectionKind[] = ['jellyfin', 'jellyseerr', 'radarr', 'sonarr'];
export const SERVER_LABEL: Record<ConnectionKind, string> = {
  jellyfin: 'Jellyfin',
  jellyseerr: 'Jellyseerr',
  radarr: 'Radarr',
  sonarr: 'Sonarr',
};

export type Connections = Record<ConnectionKind, ConnectionState>;

export type DemoServers = ApiData<'/api/demo', 'get'>;

/** What a failed connection test hands back to the form of that server. */
export interface ConnectFailure {
  kind: ConnectionKind;
  code: string;
  message: string;
  fieldErrors: Record<string, string>;
  /** Set for `tls_error`: the certificate the user may choose to trust. */
  fingerprint: string | null;
  values: { url: string };
}

export async function loadConnections(api: ApiClient): Promise<Connections> {
  return (await api.GET('/api/connections')).data;
}

/** The bundled demo servers in embedded mode; "none" whenever the API cannot tell (never blocks a page). */
export async function loadDemo(api: ApiClient): Promise<DemoServers> {
  try {
    return (await api.GET('/api/demo')).data;
  } catch {
    return { available: false, jellyfin: null, jellyseerr: null, radarr: null, sonarr: null };
  }
}

export function parseKind(value: string): ConnectionKind | null {
  return (CONNECTION_KINDS as readonly string[]).includes(value) ? (value as ConnectionKind) : null;
}

/** The address people usually type for each server (its default port), for examples in errors. */
const EXAMPLE_URL: Record<ConnectionKind, string> = {
  jellyfin: 'http://192.168.1.10:8096',
  jellyseerr: 'http://192.168.1.10:5055',
  radarr: 'http://192.168.1.10:7878',
  sonarr: 'http://192.168.1.10:8989',
};

/** The precise, translated sentence for a failed connection test. */
export function connectFailureMessage(error: ApiError, kind: ConnectionKind, t: Translate): string {
  const key = connectionErrorKey(error.code);
  if (key) return t(key, { server: SERVER_LABEL[kind], example: EXAMPLE_URL[kind] });
  return describeApiError(error, t).message;
}

/** Form action body: test and save one connection (`kind`, `url`, `apiKey`, optional `certFingerprint`). */
export async function connectAction(event: RequestEvent) {
  const t = translator(event.locals.locale);
  const data = await event.request.formData();
  const kind = parseKind(formString(data, 'kind'));
  if (!kind) return fail(400, { connect: null });
  const url = formString(data, 'url').trim();
  const apiKey = formString(data, 'apiKey').trim();
  const certFingerprint = formString(data, 'certFingerprint').trim() || undefined;
  try {
    const saved = await apiFor(event).PUT('/api/connections/{kind}', {
      params: { path: { kind } },
      body: { url, apiKey, ...(certFingerprint ? { certFingerprint } : {}) },
    });
    return { connected: kind, toast: t('connect.saved', { server: saved.data.serverName ?? SERVER_LABEL[kind] }) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const described = describeApiError(error, t);
    const message = connectFailureMessage(error, kind, t);
    // A bad address is one problem with one sentence, shown at the field (not twice, with two examples).
    const invalidUrl = error.code === 'invalid_url';
    const failure: ConnectFailure = {
      kind,
      code: error.code,
      message: invalidUrl ? '' : message,
      fieldErrors: invalidUrl ? { ...described.fieldErrors, url: message } : described.fieldErrors,
      fingerprint: error.code === 'tls_error' ? tlsFingerprint(error.details) : null,
      values: { url },
    };
    return fail(error.status >= 400 && error.status < 500 ? error.status : 502, { connect: failure });
  }
}

/** Form action body: forget one connection and the data synced from it. */
export async function removeConnectionAction(event: RequestEvent) {
  const t = translator(event.locals.locale);
  const data = await event.request.formData();
  const kind = parseKind(formString(data, 'kind'));
  if (!kind) return fail(400, { removeError: t('apiError.unknown') });
  try {
    await apiFor(event).DELETE('/api/connections/{kind}', { params: { path: { kind } } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      return { toast: t('connect.removed', { server: SERVER_LABEL[kind] }) };
    return fail(400, { removeError: describeApiError(error, t).message });
  }
  return { toast: t('connect.removed', { server: SERVER_LABEL[kind] }) };
}
