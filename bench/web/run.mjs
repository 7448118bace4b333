#!/usr/bin/env node
// Web budgets (issue 15), a benchmark rather than a test: starts the embedded app with the demo servers,
// sets up the demo account the screenshots use (synced library, deletions in each state, a household
// link), then loads every page cold (fresh context, no cache): the app's pages signed in, the public
// ones and the household page as a visitor. Prints each page's JavaScript (sum of gzip sizes of the JS
// it fetched) and its first load (navigation start to the load event). Budgets: JS <= 150 kB gzip,
// load < 1000 ms. Exits non-zero when a page is over.
// Run: node --import tsx bench/web/run.mjs
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { freePort, startApp } from '../../e2e/support/app-server.ts';
import { demoAccount } from '../../e2e/support/demo-account.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const APP_PAGES = [
  '/onboarding',
  '/dashboard',
  '/issues',
  '/issues?kind=language',
  '/library',
  '/recent',
  '/leaving-soon',
  '/history',
  '/whitelists',
  '/help',
  '/settings',
  '/settings/account',
  '/settings/analysis',
  '/settings/cleanup',
  '/settings/connections',
  '/settings/display',
  '/settings/libraries',
  '/settings/notifications',
  '/settings/people',
];
const PUBLIC_PAGES = ['/', '/login', '/signup', '/forgot-password'];
const JS_BUDGET = 150 * 1024;
const LOAD_BUDGET_MS = 1000;

const workDir = await mkdtemp(join(tmpdir(), 'mj-bench-web-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const app = await startApp({
  repoRoot: root,
  url,
  logFile: join(workDir, 'app.log'),
  timeoutMs: 180_000,
  env: { PORT: String(port), DATA_DIR: join(workDir, 'data'), PUBLIC_URL: url, ORIGIN: url, DEMO: 'true' },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let failed = false;
try {
  const setup = await browser.newContext({ baseURL: url });
  const page = await setup.newPage();
  const paths = await demoAccount(page, url, 'bench');
  const state = await setup.storageState();
  const runs = [
    ...APP_PAGES.map((path) => ({ label: path, path, signedIn: true })),
    { label: '/library/{movie}', path: paths['title-movie'], signedIn: true },
    { label: '/library/{series}', path: paths['title-series'], signedIn: true },
    ...PUBLIC_PAGES.map((path) => ({ label: path, path, signedIn: false })),
    { label: '/household/{token}', path: paths.household, signedIn: false },
  ];

  console.log(`${'page'.padEnd(32)} JS gzip (kB)  first load (ms)`);
  for (const { label, path, signedIn } of runs) {
    const context = await browser.newContext({ baseURL: url, ...(signedIn ? { storageState: state } : {}) });
    const tab = await context.newPage();
    const scripts = [];
    tab.on('response', (response) => {
      // Module preloads are not always typed "script": count every .js the page fetched.
      if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response.body().catch(() => null));
    });
    await tab.goto(path, { waitUntil: 'load' });
    await tab.waitForLoadState('networkidle');
    const bodies = (await Promise.all(scripts)).filter((body) => body !== null);
    const jsBytes = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
    const loadMs = await tab.evaluate(() => {
      // eslint-disable-next-line no-undef -- evaluated in the page, where the browser defines it
      const [nav] = performance.getEntriesByType('navigation');
      return Math.round(nav.loadEventEnd - nav.startTime);
    });
    const over = jsBytes > JS_BUDGET || loadMs >= LOAD_BUDGET_MS;
    failed ||= over;
    console.log(
      `${label.padEnd(32)} ${(jsBytes / 1024).toFixed(1).padStart(12)}  ${String(loadMs).padStart(15)}${over ? '  OVER BUDGET' : ''}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await app.stop();
  await rm(workDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
