import { startSimulator } from '@mj/simulator';
import { expect, test } from './fixtures';
import { signUpConnectAndSync } from './support/new-tenant';

// Cleanup (RULES.md §9) in the browser, against simulated Jellyfin, Jellyseerr, Radarr and Sonarr:
// schedule from the issues → in the "Leaving soon" collection and page → keep (cancel) → delete now →
// gone after the next sync, space reclaimed → restore from the history.
test('schedule, keep, delete now, see it gone and reclaimed, restore', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const sim = await startSimulator({ scale: 'demo', seed: 5, host: '127.0.0.1' });
  const origin = { origin: baseURL! };
  type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const json = async (path: string): Promise<Json> => (await page.request.get(path)).json();
  const jellyfinHas = async (id: string) =>
    (await fetch(`${sim.jellyfin.url}/Items/${id}`, { headers: { 'X-Emby-Token': sim.jellyfin.apiKey } })).status ===
    200;
  try {
    await test.step('sign up, connect the four servers, sync', async () => {
      await signUpConnectAndSync(page, {
        baseURL: baseURL!,
        emailPrefix: 'cleanup',
        servers: sim,
        kinds: ['jellyfin', 'jellyseerr', 'radarr', 'sonarr'],
      });
    });

    // An old movie Radarr holds, found by title.
    const radarr = (await (await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)).json()) as Json[];
    const managed = new Set(radarr.map((m) => m.title));
    const old = (await json('/api/issues?kind=old&pageSize=200')).items as Json[];
    const movie = old.find((i) => i.mediaType === 'movie' && managed.has(i.title) && i.sizeBytes > 0);
    expect(movie, 'an old movie managed by Radarr').toBeDefined();
    const row = () => page.locator(`tbody tr[data-item-id="${movie.id}"]`);

    await test.step('schedule it from the issues: it is leaving soon, in the Jellyfin collection too', async () => {
      await page.goto(`/issues?kind=old&q=${encodeURIComponent(movie.title)}`);
      await row()
        .getByRole('button', { name: `Delete ${movie.title}…` })
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByText(/This frees/)).toBeVisible();
      await dialog.getByRole('button', { name: 'Schedule deletion' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'scheduled for deletion' })).toBeVisible();
      await page.getByRole('link', { name: 'Leaving soon' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Leaving soon' })).toBeVisible();
      await expect(page.locator('[data-deletion-id]').filter({ hasText: movie.title })).toBeVisible();
      await expect
        .poll(() => sim.collections().find((c) => c.name === 'Leaving soon')?.itemIds ?? [])
        .toEqual([movie.id]);
    });

    await test.step('keep it: the deletion is cancelled and the collection empties', async () => {
      await page.getByRole('button', { name: `Keep ${movie.title} (cancel the deletion)` }).click();
      await expect(page.getByRole('heading', { name: 'Nothing is leaving' })).toBeVisible();
      await expect.poll(() => sim.collections().find((c) => c.name === 'Leaving soon')?.itemIds ?? []).toEqual([]);
      expect(await jellyfinHas(movie.id)).toBe(true);
      // In the history while the title still exists: its poster (lazy) and a link to its page (issue 15).
      await page.goto('/history');
      const kept = page.locator('[data-deletion-id]').filter({ hasText: movie.title });
      await expect(kept.getByRole('link', { name: movie.title })).toHaveAttribute(
        'href',
        `/library/${encodeURIComponent(movie.id)}`,
      );
      await expect(kept.getByTestId('poster')).toHaveAttribute('loading', 'lazy');
    });

    await test.step('delete it now: gone from Jellyfin, in the history, space reclaimed', async () => {
      await page.goto(`/issues?kind=old&q=${encodeURIComponent(movie.title)}`);
      await row()
        .getByRole('button', { name: `Delete ${movie.title}…` })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('When').selectOption('now');
      await dialog.getByRole('button', { name: 'Delete now' }).click();
      await expect.poll(() => jellyfinHas(movie.id), { timeout: 30_000 }).toBe(false);
      await page.getByRole('link', { name: 'History' }).click();
      const entry = page.locator('[data-deletion-id]').filter({ hasText: movie.title });
      await expect(entry.getByText('Deleted', { exact: true })).toBeVisible();
      expect((await json('/api/dashboard')).reclaimed.totalBytes).toBe(movie.sizeBytes);
    });

    await test.step('after the next sync it is gone from the library', async () => {
      expect((await page.request.post('/api/sync', { data: {}, headers: origin })).status()).toBe(202);
      await expect.poll(async () => (await json('/api/sync/status')).state, { timeout: 60_000 }).toBe('idle');
      const library = await json(`/api/library?q=${encodeURIComponent(movie.title)}&pageSize=50`);
      expect(library.items.map((i: Json) => i.id)).not.toContain(movie.id);
    });

    await test.step('restore it from the history: back in Radarr, searching', async () => {
      await page.goto('/history');
      // Issue 15: the title is deleted now, so neither of its entries links to its page; placeholders.
      const entries = page.locator('[data-deletion-id]').filter({ hasText: movie.title });
      await expect(entries).toHaveCount(2);
      await expect(entries.getByRole('link', { name: movie.title })).toHaveCount(0);
      await expect(entries.getByTestId('poster-placeholder')).toHaveCount(2);
      await page.getByRole('button', { name: `Restore ${movie.title}` }).click();
      await expect(page.getByRole('status').filter({ hasText: 'was added back' })).toBeVisible();
      const back = (await (await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)).json()) as Json[];
      expect(back.find((m) => m.title === movie.title)).toMatchObject({ hasFile: false });
    });

    await test.step('select two titles and schedule both; the dashboard shows them leaving soon', async () => {
      await page.goto('/issues?kind=old');
      const rows = page.locator('tbody tr[data-item-id]');
      const titles: string[] = [];
      for (const index of [0, 1]) {
        const r = rows.nth(index);
        titles.push((await r.locator('.title').textContent())!.trim());
        await r.getByRole('checkbox').check();
      }
      await page.getByRole('button', { name: 'Delete 2…' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: 'Delete 2 titles?' })).toBeVisible();
      await dialog.getByRole('button', { name: 'Schedule deletion' }).click();
      await expect(page.getByRole('status').filter({ hasText: '2 scheduled for deletion' })).toBeVisible();
      await page.goto('/dashboard');
      await expect(page.getByTestId('count-leaving-soon')).toHaveText('2');
      await expect(page.getByText('Space reclaimed per week')).toBeVisible();
      await page.goto('/leaving-soon');
      for (const title of titles) {
        const row = page.locator('[data-deletion-id]').filter({ hasText: title });
        await expect(row).toBeVisible();
        // Each scheduled title shows its poster and links to its page (issue 15).
        await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', /^\/library\/.+/);
        await expect(row.getByRole('img', { name: title })).toHaveCount(1);
      }
    });
  } finally {
    await sim.close();
  }
});
