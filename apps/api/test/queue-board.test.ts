import { randomBytes } from 'node:crypto';
import { loadConfig } from '@mj/config';
import { BullMqJobs } from '@mj/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src';
import { createHarness, signUp, uniqueEmail, type Harness } from './harness';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe("operators' queue dashboard (production mode, real Redis)", () => {
  let h: Harness;
  let jobs: BullMqJobs;
  let app: App;
  const operator = uniqueEmail('ops');
  beforeAll(async () => {
    h = await createHarness('sqlite');
    jobs = new BullMqJobs(redisUrl, { prefix: `mjboard${randomBytes(3).toString('hex')}` });
    const config = { ...h.deps.config, auth: { ...h.deps.config.auth, adminEmails: [operator] } };
    app = await buildApp({ ...h.deps, config, adminQueue: jobs.queue }, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.queue.obliterate({ force: true }).catch(() => undefined);
    await jobs?.close();
    await h?.close();
  });

  it('is for operators only: anonymous 401, other accounts 403, operators get the board and its API', async () => {
    expect((await app.inject({ url: '/api/admin/queues' })).statusCode).toBe(401);
    const someone = await signUp(app);
    const refused = await app.inject({ url: '/api/admin/queues', headers: someone.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_an_operator');
    const ops = await signUp(app, operator);
    const page = await app.inject({ url: '/api/admin/queues', headers: ops.headers });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await app.inject({ url: '/api/admin/queues/api/queues', headers: ops.headers });
    expect(queues.statusCode).toBe(200);
    expect(queues.body).toContain('mj-sync');
  });

  it('is not mounted without ADMIN_EMAILS', async () => {
    expect(loadConfig({}).auth.adminEmails).toEqual([]);
    const a = await signUp(h.app);
    expect((await h.app.inject({ url: '/api/admin/queues', headers: a.headers })).statusCode).toBe(404);
  });
});
