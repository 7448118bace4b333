// Which failures are ours and which are the user's (RULES §8, issue 16). A sync or a deletion that
// stops because OUR database, queue or worker went away is retried, keeping its run id and lease; only
// a media-server problem (something the user can act on) or a bug ends a run `failed`.
// Pure: errors are classified by their shape (codes, names, messages), never by instanceof, so core
// needs no driver.

export type FailureKind =
  /** Our PostgreSQL/SQLite/Redis connection was lost or refused: retried with back-off. */
  | 'infrastructure'
  /** The user's Jellyfin/Jellyseerr/Radarr/Sonarr answered badly or not at all: shown to the user. */
  | 'media'
  /** Anything else (a bug, bad data): fails the run at once, logged with its stack. */
  | 'unexpected';

// PostgreSQL SQLSTATEs of a lost or refused connection: class 08 (connection exception), 57P01
// admin_shutdown (a restart), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up), 53300
// too_many_connections.
const PG_TRANSIENT = /^(08\d\d\d|57P0[123]|53300)$/;
// Socket errors. A media request's socket error is wrapped in a MediaError first (packages/media), so a
// bare one comes from our own database or Redis client.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const DRIVER_MESSAGES = [
  /connection terminated/i, // pg: the server closed the socket
  /client has encountered a connection error/i, // pg: a client broken by a previous error
  /timeout exceeded when trying to connect/i, // pg pool
  /the database system is (starting up|shutting down)/i,
  /terminating connection due to administrator command/i,
  /connection is closed/i, // ioredis
  /stream isn't writeable/i, // ioredis offline queue disabled
  /database is locked/i, // SQLite busy beyond its timeout
  /missing lock for job/i, // BullMQ: the queue lost the job's lock (Redis restarted)
];

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The error and its `cause` chain, bounded (a cyclic chain must not hang the worker). */
function chain(error: unknown): ErrorShape[] {
  const out: ErrorShape[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && out.length < 8) {
    out.push(current as ErrorShape);
    current = (current as ErrorShape).cause;
  }
  return out;
}

/**
 * Classifies why a job stopped. The first recognisable link of the cause chain decides: a MediaError
 * wrapping a socket error is the media server's; a SyncFailure wrapping a lost database connection is
 * ours.
 */
export function classifyFailure(error: unknown): FailureKind {
  for (const e of chain(error)) {
    if (e.name === 'MediaError') return 'media';
    const code = typeof e.code === 'string' ? e.code : '';
    if (PG_TRANSIENT.test(code) || SOCKET_CODES.has(code) || code === 'SQLITE_BUSY') return 'infrastructure';
    const message = typeof e.message === 'string' ? e.message : '';
    if (DRIVER_MESSAGES.some((re) => re.test(message))) return 'infrastructure';
  }
  return 'unexpected';
}

/** How many times one run may be tried for infrastructure reasons before it is failed after all. */
export const INFRA_MAX_ATTEMPTS = 6;

/**
 * Retry or give up: only infrastructure failures are retried, and only a bounded number of times (a
 * database down for minutes must end the run with an honest message, not retry forever).
 */
export function shouldRetry(kind: FailureKind, attempt: number, maxAttempts = INFRA_MAX_ATTEMPTS): boolean {
  return kind === 'infrastructure' && attempt < maxAttempts;
}

/** Exponential back-off for infrastructure retries, capped: 2 s, 4 s, 8 s, 16 s, 16 s … */
export function infraBackoffMs(attempt: number, baseMs = 2_000, capMs = 16_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** What the user reads when a run was given up after every infrastructure retry. */
export const INFRA_GAVE_UP_MESSAGE =
  'The sync could not finish because our service was unavailable for too long. Your previous data is intact; it will run again at the next schedule, or try now.';
