#!/usr/bin/env node
// `pnpm test`: checks the prerequisites (PostgreSQL, Redis, Chromium) within seconds, naming what is
// missing, then runs every vitest project and the Playwright journeys.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPnpm } from './pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const e2eOnly = process.argv.includes('--e2e-only');
const pgUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Opens a TCP connection, optionally sends a probe and waits for the expected reply prefix. */
function probe(host, port, send, expectPrefix, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      if (!send) return done(true);
      socket.write(send);
    });
    socket.on('data', (data) => done(data.toString().startsWith(expectPrefix)));
  });
}

const problems = [];
const pgOk = await probe(pgUrl.hostname, Number(pgUrl.port || 5432));
if (!pgOk) problems.push(`PostgreSQL is not reachable at ${pgUrl.host} (set TEST_DATABASE_URL)`);
const redisOk = await probe(redisUrl.hostname, Number(redisUrl.port || 6379), 'PING\r\n', '+PONG');
if (!redisOk) problems.push(`Redis is not reachable at ${redisUrl.host} (set TEST_REDIS_URL)`);
if (!existsSync(chromium))
  problems.push(`Chromium is not installed at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
if (problems.length > 0) {
  console.error(`Cannot run the test suite:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(2);
}

const env = { ...process.env, CHROMIUM_PATH: chromium };
const run = (args) => runPnpm(args, { cwd: root, stdio: 'inherit', env });

let failed = 0;
// The web app's tests and typecheck read the tsconfig SvelteKit generates; a fresh clone has none yet.
if (run(['--filter', '@mj/web', 'exec', 'svelte-kit', 'sync']) !== 0) process.exit(1);
if (!e2eOnly) failed += run(['exec', 'vitest', 'run']) === 0 ? 0 : 1;
if (existsSync(join(root, 'e2e/playwright.config.ts'))) {
  failed += run(['exec', 'playwright', 'test', '-c', 'e2e/playwright.config.ts']) === 0 ? 0 : 1;
}
process.exit(failed === 0 ? 0 : 1);
