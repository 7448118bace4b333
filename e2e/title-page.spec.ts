import { startSimulator } from '@mj/simulator';
import { expect, test } from './fixtures';
import { signUpConnectAndSync } from './support/new-tenant';

// A page per title (issue 15): opened from the issues list, it shows the poster, seasons, tracks and
// watchers, the rule behind each issue, and schedules (then cancels) the deletion of one season; a movie
// with two versions shows the size of each.
test('open a title from the issues, see what it holds, schedule one season, cancel', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const sim = await startSimulator({ scale: 'demo', seed: 5, host: '127.0.0.1' });
  type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const json = async (path: string): Promise<Json> => (await page.request.get(path)).json();
  try {
    await signUpConnectAndSync(page, {
      baseURL: baseURL!,
      emailPrefix: 'title',
      servers: sim,
      kinds: ['jellyfin', 'sonarr'],
    });

    // An old series Sonarr holds, with at least two seasons.
    const old = (await json('/api/issues?kind=old&pageSize=200')).items as Json[];
    let series: Json;
    let detail: Json;
    for (const candidate of old.filter((i) => i.mediaType === 'series' && i.managedBy)) {
      const d = await json(`/api/items/${candidate.id}`);
      if (d.seasons.filter((s: Json) => s.seasonNumber > 0).length >= 2) {
        series = candidate;
        detail = d;
        break;
      }
    }
    expect(series, 'an old series with two seasons, managed by Sonarr').toBeDefined();

    await page.goto(`/issues?kind=old&q=${encodeURIComponent(series.title)}`);
    await page
      .locator(`tbody tr[data-item-id="${series.id}"]`)
      .getByRole('link', { name: series.title })
      .first()
      .click();
    await expect(page).toHaveURL(`/library/${series.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(series.title);
    await expect(page.locator('header img').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Seasons' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Who watched it' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Issues' }).getByRole('listitem')).toHaveCount(detail.rules.length);

    const first = detail.seasons.find((s: Json) => s.seasonNumber > 0).seasonNumber as number;
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    for (const box of await dialog.getByRole('checkbox').all()) {
      if ((await box.getAttribute('value')) !== String(first)) await box.uncheck();
    }
    await expect(dialog.getByTestId('delete-calls')).toContainText(`Season ${first}`);
    await dialog.getByRole('button', { name: 'Schedule deletion' }).click();
    await expect(page.getByText('Scheduled for deletion on')).toBeVisible();
    const scheduled = (await json(`/api/items/${series.id}`)).deletion;
    expect(scheduled.seasons).toEqual([first]);

    await page.getByRole('button', { name: 'Cancel deletion' }).click();
    await expect(page.getByRole('button', { name: 'Delete…' })).toBeVisible();
    expect((await json(`/api/items/${series.id}`)).deletion).toBeNull();

    // A movie kept in two versions (1080p and 2160p files): the page lists each with its size.
    const movies = (await json('/api/library?kind=movie&sort=size&pageSize=200')).items as Json[];
    let multi: Json;
    for (const candidate of movies) {
      const d = await json(`/api/items/${candidate.id}`);
      if (d.versions.length >= 2) {
        multi = d;
        break;
      }
    }
    expect(multi, 'a movie with two versions').toBeDefined();
    await page.goto(`/library/${multi.item.id}`);
    const versions = page.getByRole('region', { name: 'Versions' });
    await expect(versions).toBeVisible();
    const rows = versions.getByRole('row');
    await expect(rows).toHaveCount(multi.versions.length);
    for (const [index, version] of (multi.versions as Json[]).entries()) {
      if (version.name) await expect(rows.nth(index).getByRole('rowheader')).toHaveText(version.name);
      await expect(rows.nth(index).getByRole('cell')).toHaveText(/\d.*[GMK]iB$/);
    }
  } finally {
    await sim.close();
  }
});
