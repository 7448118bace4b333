import type { ServerResponse } from 'node:http';
import type { FaultAction, FaultRule } from './faults';

export interface SimResponse {
  status: number;
  /** A string, or chunks produced lazily (large pages are never held whole in memory). */
  body?: string | Iterable<string>;
  headers?: Record<string, string>;
}

export const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** A JSON answer, as every simulated server sends one. */
export const json = (status: number, body: unknown): SimResponse => ({
  status,
  body: JSON.stringify(body),
  headers: JSON_TYPE,
});

/** An answer with no body (204, or a bare status). */
export const empty = (status: number): SimResponse => ({ status, body: '' });

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function write(raw: ServerResponse, chunk: string): Promise<number> {
  const buf = Buffer.from(chunk);
  return new Promise((resolve) => {
    if (raw.write(buf)) resolve(buf.length);
    else raw.once('drain', () => resolve(buf.length));
  });
}

function materialise(body: SimResponse['body']): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : [...body].join('');
}

/**
 * Writes a response on the raw socket, applying a chosen body fault. Returns the bytes written.
 * Faults that need the whole body (truncate, malformed) materialise it; plain answers stream.
 */
export async function writeResponse(
  raw: ServerResponse,
  res: SimResponse,
  action: FaultAction,
  rule: FaultRule,
): Promise<number> {
  const headers: Record<string, string> = { ...(res.headers ?? {}) };
  if (action.kind === 'truncate' || action.kind === 'malformed') {
    const full = materialise(res.body);
    const half = full.slice(0, Math.floor(full.length / 2));
    if (action.kind === 'truncate') {
      raw.writeHead(res.status, { ...headers, 'content-length': String(Buffer.byteLength(full)) });
      const n = await write(raw, half);
      raw.socket?.destroy();
      return n;
    }
    const broken = `${half}\u0000<!-- upstream error -->`;
    raw.writeHead(res.status, { ...headers, 'content-length': String(Buffer.byteLength(broken)) });
    const n = await write(raw, broken);
    raw.end();
    return n;
  }
  let total = 0;
  if (typeof res.body === 'string' || res.body === undefined) {
    const text = res.body ?? '';
    headers['content-length'] = String(Buffer.byteLength(text));
    raw.writeHead(res.status, headers);
    if (rule.trickle) total += await trickle(raw, text, rule.trickle);
    else total += await write(raw, text);
    raw.end();
    return total;
  }
  raw.writeHead(res.status, headers);
  for (const chunk of res.body) {
    if (raw.destroyed) return total;
    total += rule.trickle ? await trickle(raw, chunk, rule.trickle) : await write(raw, chunk);
  }
  raw.end();
  return total;
}

async function trickle(
  raw: ServerResponse,
  text: string,
  t: { chunkBytes: number; intervalMs: number },
): Promise<number> {
  let n = 0;
  for (let i = 0; i < text.length; i += t.chunkBytes) {
    if (raw.destroyed) break;
    n += await write(raw, text.slice(i, i + t.chunkBytes));
    await sleep(t.intervalMs);
  }
  return n;
}
