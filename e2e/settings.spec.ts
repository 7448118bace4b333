import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { useEmbeddedDemo } from './support/embedded-demo';

// The shared e2e app runs with DEMO=false; onboarding with the bundled demo servers needs its own
// embedded instance (same build, fresh data directory).
let page: Page;

test.use({ timezoneId: 'Europe/Paris' });
useEmbeddedDemo({ name: 'settings', locale: 'en-US', timezoneId: 'Europe/Paris' }, (p) => (page = p));

test('a failed connection shows the precise error', async () => {
  await page.goto('/onboarding');
  await expect(page.getByRole('heading', { level: 2, name: 'Connect Jellyfin' })).toBeVisible();
  await page.getByLabel('Jellyfin address').fill('http://127.0.0.1:1');
  await page.getByLabel('API key').fill('not-a-key');
  await page.getByRole('button', { name: 'Test and connect Jellyfin' }).click();
  const alert = page.locator('[data-error-code]');
  await expect(alert).toHaveAttribute('data-error-code', 'unreachable');
  await expect(alert).toContainText('Nothing answered at this address');
});

test('onboarding with the demo server: connect, languages, time zone, first sync', async () => {
  await test.step('Jellyfin through the demo button', async () => {
    await page.getByRole('button', { name: 'Use the demo server' }).click();
    await expect(page.getByLabel('Jellyfin address')).not.toHaveValue('http://127.0.0.1:1');
    await page.getByRole('button', { name: 'Test and connect Jellyfin' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Connect Jellyseerr' })).toBeVisible();
  });

  await test.step('Jellyseerr through the demo button', async () => {
    await page.getByRole('button', { name: 'Use the demo server' }).click();
    await page.getByRole('button', { name: 'Test and connect Jellyseerr' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Languages and time zone' })).toBeVisible();
    await expect(page.getByText('2 of 4 steps done')).toBeVisible();
  });

  await test.step('languages and the proposed time zone', async () => {
    await expect(page.getByText('suits a French household')).toBeVisible();
    // An en-US browser gets English proposed instead of the English + French default.
    await expect(page.getByTestId('audio-proposal')).toContainText('We propose English');
    await expect(page.getByRole('button', { name: 'Remove French' })).toHaveCount(0);
    const search = page.getByRole('combobox').first();
    await search.fill('germ');
    await expect(page.getByRole('option', { name: /German/ }).first()).toBeVisible();
    await search.press('Enter');
    await expect(page.getByRole('button', { name: 'Remove German' })).toBeVisible();
    await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Europe/Paris');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'First sync' })).toBeVisible();
  });

  await test.step('first sync with live progress', async () => {
    await page.getByRole('button', { name: 'Start the first sync' }).click();
    const panel = page.locator('.sync');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('sync-result')).toContainText('The last sync succeeded', { timeout: 60_000 });
    await expect(page.getByRole('link', { name: 'Open the dashboard' })).toBeVisible();
  });

  await test.step('settings remember the language policy', async () => {
    await page.goto('/settings/analysis');
    await expect(page.getByRole('button', { name: 'Remove German' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove French' })).toHaveCount(0);
  });
});

test('a threshold saves, and an out-of-range value shows its field error', async () => {
  await page.goto('/settings/analysis');
  const field = page.getByLabel('Large movie (GiB)');
  await field.fill('500');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.locator('[data-field-error="largeMovieGiB"]')).toHaveText(
    'Enter a whole number between 1 and 100.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('500');

  await field.fill('20');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Large movie (GiB)')).toHaveValue('20');
});

test('a pasted whitelist import is previewed before saving', async () => {
  const library = await page.request.get('/api/library?pageSize=1&sort=name');
  expect(library.ok()).toBe(true);
  const title = ((await library.json()) as { items: Array<{ title: string }> }).items[0]!.title;

  await page.goto('/whitelists?type=content');
  await expect(page.getByRole('link', { name: /Keep/ })).toHaveAttribute('aria-current', 'page');
  await page.getByLabel('Titles', { exact: true }).fill(`${title}\nNo Such Title Anywhere 1899`);
  await page.getByRole('button', { name: 'Preview matches' }).click();
  await expect(page.getByRole('heading', { name: /^(Matched|Ambiguous) \(1\)$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not found (1)' })).toBeVisible();
  await expect(page.getByText('No Such Title Anywhere 1899')).toBeVisible();

  const confirm = page.getByRole('button', { name: /^Add 1 matched titles$/ });
  if (await confirm.isVisible()) {
    await confirm.click();
    await expect(page.getByText('1 titles added.')).toBeVisible();
    await expect(page.getByRole('link', { name: /Keep/ })).toContainText('1');
    await expect(page.getByRole('rowheader', { name: title })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Permanent');
  }
});

test('cleanup settings save: delay, cap, pause; an out-of-range delay shows its field error', async () => {
  await page.goto('/settings/cleanup');
  const days = page.getByLabel('Days in “Leaving soon”');
  await days.fill('120');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-field-error="leavingSoonDays"]')).toBeVisible();
  await days.fill('5');
  await page.getByLabel('Pause every deletion').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Days in “Leaving soon”')).toHaveValue('5');
  await expect(page.getByLabel('Pause every deletion')).toBeChecked();
  const settings = (await (await page.request.get('/api/settings')).json()) as Record<string, unknown>;
  expect(settings).toMatchObject({ leavingSoonDays: 5, cleanupPaused: true, leavingSoonCollection: true });
});

test('one unit system: thresholds in GiB and every size shown in GiB', async () => {
  await page.goto('/settings/analysis');
  await expect(page.getByLabel('Large movie (GiB)')).toBeVisible();
  await page.goto('/issues?kind=large');
  const sizes = await page.locator('tbody tr[data-item-id] td[data-label="Size"]').allTextContents();
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) expect(size.trim()).toMatch(/ (GiB|TiB|MiB)$/);
  await page.goto('/help');
  await expect(page.getByText(/13 GiB or more/)).toBeVisible();
  await expect(page.getByText(/\b13 GB\b/)).toHaveCount(0);
});

test('a bad URL shows one error, with the example address of that server', async () => {
  await page.goto('/settings/connections');
  const sonarr = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Sonarr' }) });
  await sonarr.getByLabel('Sonarr address').fill('sonarr.local');
  await sonarr.getByLabel('API key').fill('some-key');
  await sonarr.getByRole('button', { name: 'Test and connect Sonarr' }).click();
  const errors = sonarr.getByText(/not a valid address/);
  await expect(errors).toHaveCount(1);
  await expect(errors).toContainText('http://192.168.1.10:8989');
  await expect(sonarr.getByText(/media\.example\.com|:8096/)).toHaveCount(0);
});

test('the whitelist empty state sends people to the library, whose rows can be protected', async () => {
  const listed = async () =>
    ((await (await page.request.get('/api/whitelists/content')).json()) as { items: { itemId: string }[] }).items.map(
      (e) => e.itemId,
    );
  const protectedIds = new Set(await listed());
  await page.goto('/library?sort=name');
  const ids = await page
    .locator('tbody tr[data-item-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')!));
  const row = page.locator(`tbody tr[data-item-id="${ids.find((i) => !protectedIds.has(i))}"]`);
  const title = (await row.locator('.title').textContent())!.trim();
  await row.getByRole('button', { name: `Resolve ${title}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Protect', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `“${title}” is protected.` })).toBeVisible();
  expect((await listed()).length).toBe(protectedIds.size + 1);
});
