#!/usr/bin/env node
// `pnpm screenshots` (node --import tsx scripts/screenshots.mjs): starts the whole app with its bundled
// demo servers on a free port and a throwaway data directory, signs up, connects the demo Jellyfin and
// Jellyseerr (and Radarr/Sonarr when the demo has them), schedules and runs a few deletions so Leaving
// soon, History and the household page have rows, runs a sync, then captures every page at 1280 px and
// 375 px, light and dark, into docs/screenshots/ as viewport-sized PNGs. Each capture is checked for
// horizontal overflow and clipped text (e2e/support/layout-check.ts): the script lists what it found and
// exits non-zero, so a layout regression cannot hide in 100 images.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createDb } from '../packages/db/src/index.ts';
import { freePort, startApp } from '../e2e/support/app-server.ts';
import { demoAccount } from '../e2e/support/demo-account.ts';
import { layoutProblems } from '../e2e/support/layout-check.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs/screenshots');
const PAGES = [
  ['dashboard', '/dashboard'],
  // The space-over-time chart sits below the fold: the anchor scrolls to it.
  ['dashboard-space', '/dashboard#space-over-time'],
  ['issues', '/issues'],
  ['issues-language', '/issues?kind=language'],
  ['issues-requests', '/issues?kind=request'],
  ['recent', '/recent'],
  ['library', '/library'],
  ['help', '/help'],
  ['whitelists', '/whitelists'],
  ['settings', '/settings'],
  ['settings-connections', '/settings/connections'],
  ['settings-analysis', '/settings/analysis'],
  ['settings-people', '/settings/people'],
  ['onboarding', '/onboarding'],
  ['leaving-soon', '/leaving-soon'],
  ['history', '/history'],
  ['settings-account', '/settings/account'],
  ['settings-cleanup', '/settings/cleanup'],
  ['settings-display', '/settings/display'],
  ['settings-libraries', '/settings/libraries'],
  ['settings-notifications', '/settings/notifications'],
  // Filled in by demoAccount: a movie's and a series' pages, and the public household page.
  ['title-movie', null],
  ['title-series', null],
  ['household', null],
];
const VIEWPORTS = [
  ['desktop', { width: 1280, height: 900 }],
  ['mobile', { width: 375, height: 812 }],
];
const THEMES = ['light', 'dark'];

async function main() {
  const workDir = await mkdtemp(join(tmpdir(), 'mj-shots-'));
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
  try {
    const context = await browser.newContext({ baseURL: url, viewport: VIEWPORTS[0][1] });
    const page = await context.newPage();
    const paths = await demoAccount(page, url, 'screens');
    await seedSpaceHistory(page, url, join(workDir, 'data', 'media-janitor.db'));
    await mkdir(outDir, { recursive: true });
    const host = new URL(url).hostname;
    const problems = [];
    const capture = async (name, device, theme) => {
      const file = join(outDir, `${name}-${device}-${theme}.png`);
      // Viewport-sized PNGs: the top of each page is what matters, and they stay small enough to commit.
      await page.screenshot({ path: file, type: 'png', animations: 'disabled' });
      const found = await layoutProblems(page);
      for (const problem of found) problems.push(`${name}-${device}-${theme}: ${problem}`);
      console.log(`wrote ${file}${found.length ? ` (${found.length} layout problems)` : ''}`);
    };
    for (const theme of THEMES) {
      await context.addCookies([{ name: 'mj_theme', value: theme, domain: host, path: '/' }]);
      for (const [device, viewport] of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const [name, path] of PAGES) {
          await page.goto(path ?? paths[name], { waitUntil: 'networkidle' });
          await capture(name, device, theme);
        }
        if (device === 'mobile') {
          // The phone menu, open (issue 15: a real menu rather than a cut-off strip).
          await page.goto('/dashboard', { waitUntil: 'networkidle' });
          await page.getByRole('button', { name: 'Open the menu' }).click();
          await page.getByRole('button', { name: 'Close the menu' }).waitFor();
          await capture('menu', device, theme);
        }
      }
    }
    if (problems.length > 0) {
      console.error(`\n${problems.length} layout problems:\n${problems.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await app.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The dashboard's space-over-time chart needs points from two days: yesterday's is copied from the first
 * sync's (a little larger, as if something was deleted since), then a second sync writes today's again.
 */
async function seedSpaceHistory(page, url, file) {
  const db = createDb({ dialect: 'sqlite', file });
  try {
    const [today] = await db.q.select().from(db.t.spaceHistory);
    if (!today) throw new Error('the first sync wrote no space-history point');
    await db.q.insert(db.t.spaceHistory).values({
      ...today,
      day: today.day - 1,
      at: today.at - 86_400_000,
      totalBytes: Math.round(today.totalBytes * 1.08),
    });
  } finally {
    await db.close();
  }
  const sync = await page.request.post('/api/sync', { data: {}, headers: { origin: url } });
  if (sync.status() !== 202) throw new Error(`second sync: ${sync.status()}`);
  for (let i = 0; i < 240; i += 1) {
    const status = await (await page.request.get('/api/sync/status')).json();
    if (status.state !== 'running' && status.state !== 'queued' && status.lastRun?.status === 'success') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the second sync did not finish');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
