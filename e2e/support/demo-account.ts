import type { Page } from '@playwright/test';

// The account `pnpm screenshots` and the web budgets bench (bench/web/run.mjs) work on: the embedded
// app's bundled demo servers, one finished sync, and deletions in each state the pages show.

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The pages whose path depends on the data. */
export interface DemoPaths {
  'title-movie': string;
  'title-series': string;
  household: string;
}

/** One API call that must succeed; its JSON body (null for 204). */
async function api(page: Page, method: string, path: string, data?: object, origin?: string): Promise<Json> {
  const response = await page.request.fetch(path, { method, data, headers: origin ? { origin } : {} });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}

/**
 * Signs up (landing on the onboarding), connects every demo server, syncs with "Refresh now", then
 * schedules two titles (Leaving soon and the household page), cancels one and deletes one at once
 * (History), and creates a household link.
 */
export async function demoAccount(page: Page, url: string, emailPrefix: string): Promise<DemoPaths> {
  await page.goto('/signup');
  await page.getByLabel('Email address').fill(`${emailPrefix}-${Date.now()}@example.test`);
  await page.getByLabel('Password', { exact: true }).fill(`${emailPrefix}-password-123`);
  await page.getByRole('button', { name: 'Create account' }).click();
  // New accounts start at the onboarding (issue 15).
  await page.waitForURL('**/onboarding');

  const demo = await api(page, 'GET', '/api/demo');
  if (!demo.available) throw new Error('the demo servers are not available (DEMO=false?)');
  for (const kind of ['jellyfin', 'jellyseerr', 'radarr', 'sonarr'])
    if (demo[kind]) await api(page, 'PUT', `/api/connections/${kind}`, demo[kind], url);
  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await page.getByTestId('sync-result').waitFor({ timeout: 120_000 });

  // Titles no Radarr/Sonarr holds can only go through Jellyfin.
  await api(page, 'PATCH', '/api/settings', { allowJellyfinDelete: true }, url);
  const movies = (await api(page, 'GET', '/api/library?kind=movie&pageSize=20')).items.filter(
    (i: Json) => i.sizeBytes > 0,
  );
  const series = (await api(page, 'GET', '/api/library?kind=series&pageSize=5')).items;
  if (movies.length < 5 || series.length < 1) throw new Error('the demo library is too small');
  const schedule = async (itemId: string, executeAt?: string) =>
    (await api(page, 'POST', '/api/deletions', { items: [{ itemId }], ...(executeAt ? { executeAt } : {}) }, url))
      .deletions[0];
  await schedule(movies[1].id);
  await schedule(movies[2].id);
  const cancelled = await schedule(movies[3].id);
  await api(page, 'DELETE', `/api/deletions/${cancelled.id}`, undefined, url);
  const done = await schedule(movies[4].id, new Date().toISOString());
  for (let i = 0; ; i += 1) {
    const d = await api(page, 'GET', `/api/deletions/${done.id}`);
    if (d.status !== 'scheduled' && d.status !== 'executing') break;
    if (i > 120) throw new Error('the immediate deletion did not run');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const link = await api(page, 'POST', '/api/household/links', {}, url);
  return {
    'title-movie': `/library/${encodeURIComponent(movies[0].id)}`,
    'title-series': `/library/${encodeURIComponent(series[0].id)}`,
    household: new URL(link.url).pathname,
  };
}
