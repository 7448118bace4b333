import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { useEmbeddedDemo } from './support/embedded-demo';

// Issue 15's web UX bugs, each reproduced as a user meets it. An embedded instance with the demo servers
// (the shared e2e app has DEMO=false); a browser in UTC whose preferred language is Spanish, so neither
// the time zone nor the English+French default can make a step look done by accident.
let page: Page;

useEmbeddedDemo({ name: 'ux', locale: 'es-ES', timezoneId: 'UTC' }, (p) => (page = p));

test('the onboarding step list follows every step, the browser language is proposed', async () => {
  const checklist = page.getByRole('navigation', { name: 'Setup steps' });
  const syncStep = checklist.getByRole('listitem').filter({ hasText: 'First sync' });

  await page.getByRole('button', { name: 'Use the demo server' }).click();
  await page.getByRole('button', { name: 'Test and connect Jellyfin' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Connect Jellyseerr' })).toBeVisible();
  await page.getByRole('button', { name: 'Use the demo server' }).click();
  await page.getByRole('button', { name: 'Test and connect Jellyseerr' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Languages and time zone' })).toBeVisible();
  await expect(checklist).toContainText('2 of 4 steps done');

  // Spanish browser: Spanish audio is proposed instead of English + French.
  await expect(page.getByTestId('audio-proposal')).toContainText('We propose Spanish');
  await expect(page.getByRole('button', { name: 'Remove Spanish' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove French' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove English' })).toHaveCount(0);

  // A household in UTC keeps the default zone: saving still completes the step.
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('UTC');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'First sync' })).toBeVisible();
  await expect(checklist).toContainText('3 of 4 steps done');
  await expect(syncStep).toContainText('To do');

  await page.getByRole('button', { name: 'Start the first sync' }).click();
  await expect(page.getByTestId('sync-result')).toContainText('The last sync succeeded', { timeout: 60_000 });
  // The list agrees with the body without a reload.
  await expect(checklist).toContainText('4 of 4 steps done');
  await expect(syncStep).toContainText('Done');

  await page.reload();
  await expect(checklist).toContainText('4 of 4 steps done');
  await page.goto('/settings/analysis');
  await expect(page.getByRole('button', { name: 'Remove Spanish' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove French' })).toHaveCount(0);
});

test('at 375 px a menu button opens every destination; Escape closes it and focus returns', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/dashboard');
  const toggle = page.getByRole('button', { name: 'Open the menu' });
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // No cut-off strip of links: the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await toggle.click();
  const close = page.getByRole('button', { name: 'Close the menu' });
  await expect(close).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('navigation', { name: 'Main navigation' });
  for (const name of ['Dashboard', 'Issues', 'Library', 'Whitelists', 'Settings', 'Help']) {
    await expect(menu.getByRole('link', { name, exact: true })).toBeInViewport();
  }
  await expect(menu.getByRole('link', { name: 'Dashboard', exact: true })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(toggle).toBeFocused();

  await toggle.click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Help' }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('library filters apply as they change and live in the URL (reload, Back)', async () => {
  await page.goto('/library');
  const total = page.getByTestId('library-total');
  await expect(total).toBeVisible();
  const unfiltered = await total.textContent();

  await page.getByLabel('Kind').selectOption('movie');
  await expect(page).toHaveURL(/[?&]kind=movie/);
  await expect(total).not.toHaveText(unfiltered ?? '');
  const movies = await total.textContent();

  const first = await page.request.get('/api/library?pageSize=1&sort=name&kind=movie');
  const title = ((await first.json()) as { items: Array<{ title: string }> }).items[0]!.title;
  await page.getByLabel('Search by title').fill(title);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(title).replace(/%20/g, '(\\+|%20)')}`));
  await expect(total).not.toHaveText(movies ?? '');
  await expect(page.locator('tbody').getByText(title).first()).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Search by title')).toHaveValue(title);
  await expect(page.getByLabel('Kind')).toHaveValue('movie');

  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.getByLabel('Search by title')).toHaveValue('');
  await expect(page.getByLabel('Kind')).toHaveValue('movie');
  await expect(total).toHaveText(movies ?? '');
});

test('a library selection is protected in one go', async () => {
  const listing = await page.request.get('/api/library?pageSize=2&sort=name&kind=movie');
  const titles = ((await listing.json()) as { items: Array<{ title: string }> }).items.map((i) => i.title);
  expect(titles).toHaveLength(2);
  await page.goto('/library?kind=movie&sort=name&order=asc');
  for (const title of titles) await page.getByRole('checkbox', { name: `Select ${title}`, exact: true }).check();
  await page.getByRole('button', { name: 'Protect or exempt 2…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Protect or exempt 2 titles' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Keep large/i })).toBeVisible();
  await dialog.getByRole('radio', { name: /^Protect/ }).check();
  await dialog.getByRole('button', { name: 'Protect', exact: true }).click();
  await expect(page.getByText('2 titles updated.')).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.goto('/whitelists?type=content');
  for (const title of titles) await expect(page.getByRole('rowheader', { name: title })).toBeVisible();
});
