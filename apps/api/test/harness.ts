import { randomBytes } from 'node:crypto';
import { loadConfig } from '@mj/config';
import { createTestDb, type TestDialect, type TestDb } from '@mj/db/testing';
import { InProcessJobs } from '@mj/jobs';
import {
  createMailer,
  createRuntime,
  runtimeJobHandlers,
  SecretBox,
  type Clock,
  type MediaSettings,
  type SyncDeps,
} from '@mj/services';
import { buildApp, type App, type AppDeps } from '../src';
import { appDepsFrom } from '../src/runtime/create-deps';

export interface Harness {
  app: App;
  db: TestDb;
  deps: AppDeps;
  jobs: InProcessJobs;
  /** What the mailer printed to the console (no SMTP configured). */
  printed: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  smtpUrl?: string;
  clock?: Clock;
  media?: Partial<MediaSettings>;
  sync?: Partial<SyncDeps>;
}

/** A logger that drops everything (tests assert on results, not on log lines). */
export const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A real app on a real database of the given dialect, with the in-process job runner executing syncs;
 * bcrypt at its cheapest cost and near-zero retry backoff keep tests fast.
 */
export async function createHarness(dialect: TestDialect, opts: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestDb(dialect);
  const config = loadConfig({
    PUBLIC_URL: 'http://mj.test',
    BCRYPT_COST: '4',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_SYNC_PER_MINUTE: '1000',
    // Every test request comes from one address; tests of the per-IP limit set their own.
    RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '10000',
    ...opts.env,
  });
  // Simulators listen on loopback, which embedded mode allows.
  const media: Partial<MediaSettings> = {
    allowPrivateNetwork: true,
    concurrency: 4,
    timeoutMs: 5000,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...opts.media,
  };
  const jobs = new InProcessJobs({ backoffMs: 1 });
  /** What the mailer printed to the console (no SMTP configured). */
  const printed: string[] = [];
  const runtime = await createRuntime(config, silent, {
    db,
    clock: opts.clock,
    secrets: new SecretBox([{ id: 'test', key: randomBytes(32) }]),
    jwtSecret: 'test-secret-test-secret-test-secret-0123',
    jobs,
    media,
    mailer: createMailer({ smtpUrl: opts.smtpUrl, from: 'mj@test', print: (text) => printed.push(text) }),
  });
  await jobs.work(runtimeJobHandlers(runtime, opts.sync));
  const deps: AppDeps = { ...appDepsFrom(runtime), staleAfterMs: 60_000 };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    db,
    deps,
    jobs,
    printed,
    async close() {
      await jobs.close();
      await app.close();
      await db.destroy();
    },
  };
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const PASSWORD = 'correct horse battery';

export type Account = Awaited<ReturnType<typeof signUp>>;

/** For `afterAll`: closes each in order, skipping what a failed `beforeAll` never opened. */
export async function closeAll(...open: ({ close(): Promise<unknown> } | undefined)[]) {
  for (const item of open) await item?.close();
}

/** Registers and logs in a fresh account; returns its bearer header and ids. */
export async function signUp(app: App, email = uniqueEmail()) {
  const reg = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: PASSWORD } });
  if (reg.statusCode !== 201) throw new Error(`register failed: ${reg.body}`);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  const body = login.json() as { accessToken: string; user: { id: string; tenantId: string } };
  const refreshCookie = login.cookies.find((c) => c.name === 'mj_refresh')!.value;
  return {
    email,
    userId: body.user.id,
    tenantId: body.user.tenantId,
    accessToken: body.accessToken,
    refreshCookie,
    headers: { authorization: `Bearer ${body.accessToken}` },
  };
}
