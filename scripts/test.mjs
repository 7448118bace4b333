#!/usr/bin/env node
// `pnpm test`: checks the prerequisites (PostgreSQL, Redis, Chromium) within seconds, naming what is
// missing, then runs every vitest project and the Playwright journeys.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// Machine-readable results of both runners, summed into one closing line for CI.
const reports = mkdtempSync(join(tmpdir(), 'mj-test-'));
const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');

let failedRuns = 0;
// The web app's tests and typecheck read the tsconfig SvelteKit generates; a fresh clone has none yet.
if (run(['--filter', '@mj/web', 'exec', 'svelte-kit', 'sync']) !== 0) process.exit(1);
if (!e2eOnly) {
  const args = ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`];
  failedRuns += run(args) === 0 ? 0 : 1;
}
if (existsSync(join(root, 'e2e/playwright.config.ts'))) {
  const status = runPnpm(['exec', 'playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  });
  failedRuns += status === 0 ? 0 : 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(vitestReport)) {
  const v = JSON.parse(readFileSync(vitestReport, 'utf8'));
  totals.passed += v.numPassedTests ?? 0;
  // A file that fails to load has no failed test of its own: count it as one failure.
  totals.failed += v.numFailedTests || v.numFailedTestSuites || 0;
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync(playwrightReport)) {
  const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}
rmSync(reports, { recursive: true, force: true });
if (failedRuns > 0 && totals.failed === 0) totals.failed = 1; // a runner crashed before reporting
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRuns === 0 ? 0 : 1);
