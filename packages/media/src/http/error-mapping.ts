import { MediaError } from '../errors';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EAI_FAIL',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = err;
  // undici wraps socket errors (SocketError with the original as cause); look a few levels down.
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

export interface ErrorContext {
  serverLabel: string;
  host: string;
  /** Our own total-time budget ran out (we aborted the request). */
  timedOut: boolean;
  timeoutMs: number;
  /**
   * Whether to tell connection failures apart (refused, reset, timed out, not HTTP). True on a LAN
   * deployment, where it helps the owner; false in SaaS mode, where the difference would turn us into a
   * port scanner (a closed port and an open non-HTTP one must look the same).
   */
  distinguishConnectionFailures: boolean;
}

const CONNECTION_FAILURES = new Set(['unreachable', 'connection_reset', 'timeout']);

/** Maps whatever undici / node:net threw to the stable MediaError codes. */
export function toMediaError(err: unknown, ctx: ErrorContext): MediaError {
  const mapped = mapError(err, ctx);
  if (ctx.distinguishConnectionFailures || !CONNECTION_FAILURES.has(mapped.code)) return mapped;
  return new MediaError({
    code: 'unreachable',
    retryable: mapped.retryable,
    details: { host: ctx.host },
    cause: err,
    message: `${ctx.serverLabel} at ${ctx.host} could not be reached over HTTP`,
  });
}

function mapError(err: unknown, ctx: ErrorContext): MediaError {
  if (err instanceof MediaError) return err;
  const codes = errorCodes(err);
  const detailCode = codes[codes.length - 1];
  const details = detailCode === undefined ? { host: ctx.host } : { host: ctx.host, errorCode: detailCode };
  if (ctx.timedOut || codes.some((c) => TIMEOUT_CODES.has(c))) {
    return new MediaError({
      code: 'timeout',
      retryable: true,
      details,
      cause: err,
      message: codes.includes('UND_ERR_CONNECT_TIMEOUT')
        ? `${ctx.serverLabel} at ${ctx.host} did not accept a connection in time`
        : `${ctx.serverLabel} at ${ctx.host} did not answer within ${Math.ceil(ctx.timeoutMs / 1000)} s`,
    });
  }
  if (codes.some((c) => UNREACHABLE_CODES.has(c))) {
    const what =
      codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')
        ? 'cannot be found (DNS)'
        : 'refused the connection or is unreachable';
    return new MediaError({
      code: 'unreachable',
      details,
      cause: err,
      message: `${ctx.serverLabel} at ${ctx.host} ${what}`,
    });
  }
  if (codes.some((c) => RESET_CODES.has(c))) {
    return new MediaError({
      code: 'connection_reset',
      retryable: true,
      details,
      cause: err,
      message: `The connection to ${ctx.serverLabel} at ${ctx.host} was closed unexpectedly`,
    });
  }
  if (codes.some((c) => c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL') || c === 'EPROTO')) {
    return new MediaError({
      code: 'tls_error',
      details,
      cause: err,
      message: `TLS handshake with ${ctx.host} failed (is it really HTTPS?)`,
    });
  }
  return new MediaError({
    code: 'unreachable',
    details,
    cause: err,
    message: `Could not reach ${ctx.serverLabel} at ${ctx.host}: ${err instanceof Error ? err.message : String(err)}`,
  });
}
