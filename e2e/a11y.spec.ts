import AxeBuilder from '@axe-core/playwright';
import { startSimulator, type Simulator } from '@mj/simulator';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { layoutProblems } from './support/layout-check';
import { signUpConnectAndSync } from './support/new-tenant';

// Issue 15: every page passes axe's WCAG 2 A/AA rules in light and dark, at desktop and phone widths,
// and at phone width has no horizontal overflow or clipped text (e2e/support/layout-check.ts).
// One tenant with a synced demo library, so the tables, the title page and the household page have rows.
const PUBLIC_PAGES = ['/', '/login', '/signup', '/forgot-password', '/reset-password?token=not-a-real-token'];
const APP_PAGES = [
  '/onboarding',
  '/dashboard',
  '/issues',
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
// Two sweeps cover both schemes and both widths (light desktop, dark phone): contrast depends on the
// scheme, layout on the width, and a full 2 x 2 matrix doubled the suite's browser time for no new finding.
const SWEEPS = [
  { scheme: 'light', width: 1280 },
  { scheme: 'dark', width: 375 },
] as const;

let sim: Simulator;
let owner: BrowserContext;
let page: Page;
let titlePath = '';
let householdPath = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  sim = await startSimulator({ scale: 'demo', seed: 7, host: '127.0.0.1' });
  owner = await browser.newContext({ baseURL: baseURL! });
  page = await owner.newPage();
  await signUpConnectAndSync(page, {
    baseURL: baseURL!,
    emailPrefix: 'a11y',
    servers: sim,
    kinds: ['jellyfin', 'jellyseerr', 'radarr', 'sonarr'],
  });
  const library = (await (await page.request.get('/api/library?pageSize=1')).json()) as {
    items: Array<{ id: string }>;
  };
  titlePath = `/library/${library.items[0]!.id}`;
  const link = await page.request.post('/api/household/links', { data: {}, headers: { origin: baseURL! } });
  expect(link.status(), await link.text()).toBe(201);
  householdPath = new URL(((await link.json()) as { url: string }).url).pathname;
});

test.afterAll(async () => {
  await owner?.close();
  await sim?.close();
});

/** Axe's violations of a page and, on a phone, its layout problems (overflow, clipped text). */
async function violations(target: Page, path: string): Promise<string[]> {
  // 'load' rather than 'networkidle': lazy posters and the live-sync stream keep the network busy, and
  // every page is server-rendered, so its content is there once loaded.
  await target.goto(path, { waitUntil: 'load' });
  const result = await new AxeBuilder({ page: target })
    // `options` replaces what `withTags` would set, so the tags go in `runOnly` here. Only violations are
    // asserted: skipping the detail of passes and incompletes shortens the run.
    .options({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    })
    .analyze();
  const found = result.violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
  // The page is loaded already: checking the layout too costs one evaluate (issue 15, no clipped text).
  if ((target.viewportSize()?.width ?? 0) < 600)
    found.push(...(await layoutProblems(target)).map((problem) => `${path}: ${problem}`));
  // Printed as it goes: a long run that times out still says what it found.
  if (found.length > 0) console.log(found.join('\n'));
  return found;
}

test('the library and the issues offer a page size, kept in the URL', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const [path, api] of [
    ['/library', '/api/library'],
    ['/issues', '/api/issues'],
  ] as const) {
    const total = ((await (await page.request.get(`${api}?pageSize=1`)).json()) as { total: number }).total;
    await page.goto(path);
    const rows = page.locator('tbody tr[data-item-id]');
    await expect(rows).toHaveCount(Math.min(total, 25));
    await page.getByLabel('Rows per page').selectOption('50');
    await expect(page).toHaveURL(new RegExp(`${path}\\?pageSize=50$`));
    await expect(rows).toHaveCount(Math.min(total, 50));
    await page.reload();
    await expect(page.getByLabel('Rows per page')).toHaveValue('50');
    await expect(rows).toHaveCount(Math.min(total, 50));
  }
});

test('the library rows work from the keyboard: arrows move, Space selects, Enter opens', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/library');
  const rows = page.locator('tbody tr[data-item-id]');
  await rows.first().focus();
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Space');
  await expect(rows.nth(1).getByRole('checkbox')).not.toBeChecked();
  const id = await rows.nth(1).getAttribute('data-item-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/library/${id}`);
});

for (const { scheme, width } of SWEEPS) {
  test(`no axe violations on any page, ${scheme} at ${width} px`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const size = { width, height: 900 };
    const found: string[] = [];

    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of [...APP_PAGES, titlePath]) found.push(...(await violations(page, path)));

    // Public pages and the household page as a visitor without a session.
    const visitor = await browser.newContext({ baseURL: baseURL!, viewport: size, colorScheme: scheme });
    const vpage = await visitor.newPage();
    for (const path of [...PUBLIC_PAGES, householdPath]) found.push(...(await violations(vpage, path)));
    await visitor.close();

    expect(found, found.join('\n')).toEqual([]);
  });
}
