import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { DeletionInsert } from '@mj/db';
import type { TestDialect } from '@mj/db/testing';
import { sweepNotifications, type Clock } from '@mj/services';
import { notifyDeps } from '../src/routes/notify-deps';
import { closeAll, createHarness, silent, type Harness } from './harness';
import { startSmtpCapture } from './smtp';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP receiver standing in for Discord, Slack, ntfy, Gotify and webhooks: it records every
 * request and answers with the status `respond` picks (200 by default).
 */
export async function startReceiver() {
  const received: Received[] = [];
  let respond: (r: Received) => number = () => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(r);
      res.statusCode = respond(r);
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith(fn: (r: Received) => number) {
      respond = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A webhook receiver, an SMTP capture the mailer sends to, and a harness on `clock`. */
export async function startNotifyHarness(dialect: TestDialect, clock: Clock) {
  const receiver = await startReceiver();
  const smtp = await startSmtpCapture();
  try {
    return { h: await createHarness(dialect, { clock, smtpUrl: smtp.url }), receiver, smtp };
  } catch (error) {
    await closeAll(receiver, smtp);
    throw error;
  }
}

/** One notification sweep, as the worker's schedule runs it. */
export function sweepNow(h: Harness, clock: Clock) {
  return sweepNotifications({ db: h.db, clock, log: silent, notify: notifyDeps(h.deps) });
}

/**
 * A deletion row as the cleanup stores it (a movie through Radarr, scheduled by the user), for tests
 * that need leaving-soon or done deletions without running the scheduling use-case.
 */
export function deletionRow(
  fields: Pick<DeletionInsert, 'id' | 'tenantId' | 'itemId' | 'title' | 'status' | 'executeAt' | 'createdAt'> &
    Partial<DeletionInsert>,
): DeletionInsert {
  return {
    kind: 'movie',
    year: null,
    tmdbId: null,
    tvdbId: null,
    imdbId: null,
    seasons: null,
    sizeBytes: 1,
    addImportExclusion: false,
    target: 'radarr',
    arrItem: null,
    chosenByUser: true,
    lastWatchedAtSchedule: null,
    addedAt: null,
    reason: null,
    scheduledBy: 'user',
    leaseOwner: null,
    leaseUntil: null,
    attempts: 0,
    executedAt: null,
    restoredAt: null,
    updatedAt: fields.createdAt,
    ...fields,
  };
}
