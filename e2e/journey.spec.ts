import { startSimulator } from '@mj/simulator';
import { expect, test } from './fixtures';

// The whole product journey against a simulated Jellyfin + Jellyseerr whose ground truth is known. The
// global setup runs the app without its bundled demo (DEMO=false), so the test starts the same `demo`
// dataset itself: its truth is then computed for exactly the reference date the data was generated for.
test('sign up, connect, sync, see the true numbers, protect, tune a threshold, share what arrived', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const sim = await startSimulator({ scale: 'demo', seed: 1, host: '127.0.0.1', jellyfinPort: 0, jellyseerrPort: 0 });
  try {
    const origin = { origin: baseURL! };

    await test.step('sign up', async () => {
      await page.goto('/signup');
      await page.getByLabel('Email address').fill(`journey-${Date.now()}@example.test`);
      await page.getByLabel('Password', { exact: true }).fill('journey-password-123');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL('/onboarding');
      await expect(page.getByRole('heading', { level: 2, name: 'Connect Jellyfin' })).toBeVisible();
    });

    await test.step('connect Jellyfin and Jellyseerr', async () => {
      for (const kind of ['jellyfin', 'jellyseerr'] as const) {
        const response = await page.request.put(`/api/connections/${kind}`, {
          data: { url: sim[kind].url, apiKey: sim[kind].apiKey },
          headers: origin,
        });
        expect(response.status(), await response.text()).toBe(200);
      }
    });

    await test.step('sync with visible progress', async () => {
      await page.goto('/dashboard');
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await expect(page.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
      await expect(page.getByTestId('sync-result')).toContainText('The last sync succeeded', { timeout: 120_000 });
      // The sync just finished: in the past tense, never "in 1 second" (issue 15).
      const since = page.locator('#sync-title ~ p time');
      await expect(since).toBeVisible();
      await expect(since).not.toHaveText(/^\s*in /);
    });

    // Counts do not move within the minutes a run takes; sizes would not either, but counts are enough.
    const truth = sim.truth(Date.now()).dashboard;
    const count = (key: string) => page.getByTestId(`count-${key}`);

    await test.step('the dashboard shows the simulator’s ground truth', async () => {
      await expect(count('old')).toHaveText(String(truth.old.count));
      await expect(count('large')).toHaveText(String(truth.large.count));
      await expect(count('language')).toHaveText(String(truth.language.count));
      await expect(count('request')).toHaveText(String(truth.requests.count));
      await expect(count('recent')).toHaveText(String(truth.recent.count));
    });

    await test.step('protect an old title: the count drops without a reload', async () => {
      await page
        .getByRole('link', { name: /Old and unwatched/ })
        .first()
        .click();
      await expect(page).toHaveURL('/issues?kind=old');
      await expect(page.getByTestId('issues-total')).toContainText(`${truth.old.count} titles`);
      const firstRow = page.locator('tbody tr[data-item-id]').first();
      const title = (await firstRow.locator('.title').textContent())!.trim();
      await firstRow.getByRole('button', { name: `Resolve ${title}` }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Protect', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: `“${title}” is protected.` })).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('issues-total')).toContainText(`${truth.old.count - 1} titles`);
      await expect(page.locator('tbody tr[data-item-id]').filter({ hasText: title })).toHaveCount(0);

      await page.getByRole('link', { name: 'Dashboard' }).click();
      await expect(count('old')).toHaveText(String(truth.old.count - 1));
    });

    await test.step('raise the large-file thresholds: fewer large titles', async () => {
      const response = await page.request.patch('/api/settings', {
        data: { largeMovieGiB: 100, largeSeasonGiB: 100 },
        headers: origin,
      });
      expect(response.status(), await response.text()).toBe(200);
      await page.reload();
      const shown = Number(await count('large').textContent());
      expect(shown).toBeLessThan(truth.large.count);
    });

    await test.step('copy the recently-available message', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
      await page.getByRole('link', { name: /Recently available/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Recently available' })).toBeVisible();
      await page.getByRole('button', { name: 'Copy message' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The message is in your clipboard' })).toBeVisible();
      const expected = (await (
        await page.request.get('/api/recent/share', { headers: { accept: 'application/json' } })
      ).json()) as { text: string };
      expect(expected.text.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.text);
    });
  } finally {
    await sim.close();
  }
});
