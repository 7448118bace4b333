import { startSimulator } from '@mj/simulator';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signUpConnectAndSync } from './support/new-tenant';

// Rows per page (issue 15) on the three plain paged lists: choose a size with the keyboard, see that
// many rows, go to the next page, and find the choice in the URL and after a reload.
const ROWS = 60; // more than one page of 50

async function pageThrough(page: Page, opts: { path: string; rows: string; next: string }) {
  await page.goto(opts.path);
  const rows = page.locator(opts.rows);
  await expect(rows).toHaveCount(25);
  const size = page.getByLabel('Rows per page');
  await size.focus();
  await page.keyboard.press('ArrowDown'); // 25 → 50, chosen with the keyboard alone
  await expect(page).toHaveURL(/pageSize=50/);
  await expect(rows).toHaveCount(50);
  await expect(size).toHaveValue('50');

  const next = page.getByRole('link', { name: 'Next' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(opts.next);
  await expect(rows).toHaveCount(ROWS - 50);
  await expect(page.getByText('Page 2 of 2')).toBeVisible();

  await page.reload();
  await expect(rows).toHaveCount(ROWS - 50);
  await expect(page.getByLabel('Rows per page')).toHaveValue('50');
}

test('rows per page on History, Leaving soon and Whitelists', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const sim = await startSimulator({ scale: { movies: 2 * ROWS + 20, series: 2 }, seed: 7, host: '127.0.0.1' });
  const origin = { origin: baseURL! };
  try {
    await signUpConnectAndSync(page, {
      baseURL: baseURL!,
      emailPrefix: 'rows',
      servers: sim,
      kinds: ['jellyfin', 'jellyseerr', 'radarr', 'sonarr'],
    });
    // Not every generated movie is in Radarr: these are only scheduled and cancelled, never executed.
    const settings = await page.request.patch('/api/settings', {
      data: { allowJellyfinDelete: true },
      headers: origin,
    });
    expect(settings.status(), await settings.text()).toBe(200);
    const library = (await (await page.request.get('/api/library?pageSize=200')).json()) as {
      items: { id: string; mediaType: string }[];
    };
    const movies = library.items.filter((i) => i.mediaType === 'movie').map((i) => i.id);
    expect(movies.length).toBeGreaterThanOrEqual(2 * ROWS);
    const schedule = async (ids: string[]) => {
      const res = await page.request.post('/api/deletions', {
        data: { items: ids.map((itemId) => ({ itemId })) },
        headers: origin,
      });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { deletions: { id: string }[] }).deletions;
    };
    // History: deletions kept (cancelled); Leaving soon: others still scheduled; a whitelist of as many.
    for (const d of await schedule(movies.slice(0, ROWS)))
      expect((await page.request.delete(`/api/deletions/${d.id}`, { headers: origin })).status()).toBe(204);
    await schedule(movies.slice(ROWS, 2 * ROWS));
    for (const itemId of movies.slice(0, ROWS)) {
      const res = await page.request.post('/api/whitelists/content', { data: { itemId }, headers: origin });
      expect(res.status(), await res.text()).toBe(201);
    }

    await test.step('History', () =>
      pageThrough(page, { path: '/history', rows: '[data-deletion-id]', next: '/history?page=2&pageSize=50' }));
    await test.step('Leaving soon', () =>
      pageThrough(page, {
        path: '/leaving-soon',
        rows: '[data-deletion-id]',
        next: '/leaving-soon?page=2&pageSize=50',
      }));
    await test.step('Whitelists: the tab counts the whole list, and keeps the size', async () => {
      await pageThrough(page, {
        path: '/whitelists?type=content',
        rows: 'tbody tr[data-entry]',
        next: '/whitelists?type=content&page=2&pageSize=50',
      });
      const tabs = page.getByRole('navigation', { name: 'Whitelist types' });
      await expect(tabs.getByRole('link', { name: /^Keep/ })).toContainText(String(ROWS));
      await tabs.getByRole('link', { name: /^Large allowed/ }).click();
      await expect(page).toHaveURL('/whitelists?type=large&pageSize=50');
    });
  } finally {
    await sim.close();
  }
});
