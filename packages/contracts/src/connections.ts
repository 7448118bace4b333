import { z } from 'zod';

export const ConnectionKind = z.enum(['jellyfin', 'jellyseerr', 'radarr', 'sonarr']);
export type ConnectionKind = z.infer<typeof ConnectionKind>;

export const ConnectionKindParams = z.object({ kind: ConnectionKind });

export const ConnectBody = z.object({
  url: z.string({ error: 'url is required' }).trim().min(1, 'url is required').max(2000, 'url is too long'),
  apiKey: z.string({ error: 'apiKey is required' }).trim().min(1, 'apiKey is required').max(500, 'apiKey is too long'),
  /** SHA-256 fingerprint of a self-signed certificate to trust (shown in a tls_error). */
  certFingerprint: z
    .string()
    .trim()
    .regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, 'certFingerprint must be a SHA-256 fingerprint (64 hex digits)')
    .nullish(),
});
export type ConnectBody = z.infer<typeof ConnectBody>;

export const ConnectionView = z.object({
  kind: ConnectionKind,
  configured: z.literal(true),
  url: z.string(),
  serverName: z.string().nullable(),
  version: z.string().nullable(),
  certFingerprint: z.string().nullable(),
  /** False when the stored key cannot be decrypted (the encryption key changed): reconnect. */
  keyReadable: z.boolean(),
  updatedAt: z.string(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

export const NotConfigured = z.object({ kind: ConnectionKind, configured: z.literal(false) });

export const ConnectionState = z.union([ConnectionView, NotConfigured]);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const ConnectionsResponse = z.object({
  jellyfin: ConnectionState,
  jellyseerr: ConnectionState,
  radarr: ConnectionState,
  sonarr: ConnectionState,
});

const DemoServer = z.object({ url: z.string(), apiKey: z.string() });
/** Embedded mode: the bundled demo servers' URLs and keys (the simulator's own keys, not a user's secret). */
export const DemoResponse = z.object({
  available: z.boolean(),
  jellyfin: DemoServer.nullable(),
  jellyseerr: DemoServer.nullable(),
  radarr: DemoServer.nullable(),
  sonarr: DemoServer.nullable(),
});
export type DemoResponse = z.infer<typeof DemoResponse>;
