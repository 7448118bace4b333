#!/usr/bin/env node
// Web budgets (issue 15), a benchmark rather than a test: starts the embedded app with the demo
// servers, sets up the demo account the screenshots use (synced library, deletions in each state, a
// household link), then loads every page cold (fresh context, no cache; best of three): the app's
// pages signed in, the public ones and the household page as a visitor. Prints each page's JavaScript
// (sum of gzip sizes of the JS it fetched), its first load (navigation start to the load event) and the
// server's part of it (TTFB). Budgets: JS <= 150 kB gzip, load < 1000 ms; exits non-zero when over.
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

const LOADS_PER_PAGE = 3;

/** One load in a fresh context (no cache): the JS it fetched (gzip), navigation to load, and the TTFB. */
async function coldLoad(path, storageState) {
  const context = await browser.newContext({ baseURL: url, ...(storageState ? { storageState } : {}) });
  try {
    const tab = await context.newPage();
    const scripts = [];
    tab.on('response', (response) => {
      // Module preloads are not always typed "script": count every .js the page fetched.
      if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response.body().catch(() => null));
    });
    await tab.goto(path, { waitUntil: 'load' });
    await tab.waitForLoadState('networkidle');
    const bodies = (await Promise.all(scripts)).filter((body) => body !== null);
    const timing = await tab.evaluate(() => {
      // eslint-disable-next-line no-undef -- evaluated in the page, where the browser defines it
      const [nav] = performance.getEntriesByType('navigation');
      return {
        loadMs: Math.round(nav.loadEventEnd - nav.startTime),
        serverMs: Math.round(nav.responseStart - nav.requestStart),
      };
    });
    return { jsBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0), ...timing };
  } finally {
    await context.close();
  }
}

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

  console.log(`${'page'.padEnd(32)} JS gzip (kB)  first load (ms)  server (ms)`);
  for (const { label, path, signedIn } of runs) {
    // Best of three cold loads: on a shared machine one load measures the neighbours as much as the page.
    const samples = [];
    for (let i = 0; i < LOADS_PER_PAGE; i += 1) samples.push(await coldLoad(path, signedIn ? state : undefined));
    const best = samples.reduce((a, b) => (b.loadMs < a.loadMs ? b : a));
    const over = best.jsBytes > JS_BUDGET || best.loadMs >= LOAD_BUDGET_MS;
    failed ||= over;
    console.log(
      `${label.padEnd(32)} ${(best.jsBytes / 1024).toFixed(1).padStart(12)}  ${String(best.loadMs).padStart(15)}  ${String(best.serverMs).padStart(11)}${over ? '  OVER BUDGET' : ''}`,
    );
  }
} finally {
  await browser.close();
  await app.stop();
  await rm(workDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
