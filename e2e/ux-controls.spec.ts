import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 15: the searchable time-zone combobox and the one shared dialog, driven from the keyboard as a
// user without a mouse would. A fresh account on the shared app: nothing else is needed.
async function signUp(page: Page, label: string) {
  await page.goto('/signup');
  await page.getByLabel('Email address').fill(`${label}-${Date.now()}@example.test`);
  await page.getByLabel('Password', { exact: true }).fill(`${label}-password-123`);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Password hashing is deliberately slow; on a loaded machine it takes more than the default 10 s.
  await expect(page).toHaveURL('/onboarding', { timeout: 30_000 });
}

/** Whether the focused element is inside `container`. */
const focusInside = (container: Locator) => container.evaluate((el) => el.contains(document.activeElement));

test('time zone: type a city, pick it with the keyboard, save, reload, still there', async ({ page }) => {
  await signUp(page, 'zone');
  await page.goto('/settings/display');
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  const list = page.getByRole('listbox', { name: 'Time zones' });
  await expect(zone).toHaveAttribute('aria-expanded', 'false');

  // Escape closes the list without changing what was typed.
  await zone.fill('');
  await zone.pressSequentially('new york');
  await expect(zone).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('option').first()).toHaveAttribute('data-zone', 'America/New_York');
  await zone.press('Escape');
  await expect(zone).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toBeHidden();

  // "paris" matches the city of Europe/Paris; the arrows move the active option, Enter picks it.
  await zone.fill('');
  await zone.pressSequentially('paris');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('data-zone', 'Europe/Paris');
  await expect(zone).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  const count = await list.getByRole('option').count();
  await zone.press('ArrowDown');
  if (count > 1) await expect(first).toHaveAttribute('aria-selected', 'false');
  await zone.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await zone.press('Enter');
  await expect(zone).toHaveValue('Europe/Paris');
  await expect(zone).toHaveAttribute('aria-expanded', 'false');

  // Enter picked the zone without submitting; the Save button does.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved.');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Paris');
  const settings = (await (await page.request.get('/api/settings')).json()) as { timeZone: string };
  expect(settings.timeZone).toBe('Europe/Paris');
});

test('time zone: without JavaScript the field is a text input that still saves', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await signUp(page, 'zone-nojs');
    await page.goto('/settings/display');
    const zone = page.getByLabel('Time zone', { exact: true });
    await expect(zone).not.toHaveAttribute('role', 'combobox');
    await zone.fill('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.goto('/settings/display');
    await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Tokyo');
  } finally {
    await context.close();
  }
});

test('dialog: focus goes in, Tab stays in, Escape and Cancel close it and focus returns', async ({ page }) => {
  await signUp(page, 'dialog');
  await page.goto('/settings/account');
  const opener = page.getByRole('button', { name: 'Delete the account' });
  const dialog = page.getByRole('dialog', { name: 'Delete your account and all its data?' });
  const html = page.locator('html');

  await opener.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await expect(html).toHaveClass(/scroll-locked/);
  // Cancel, Delete everything, then around to the password: never outside the dialog.
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Tab');
    expect(await focusInside(dialog)).toBe(true);
  }
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Delete everything' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(html).not.toHaveClass(/scroll-locked/);

  await opener.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(html).not.toHaveClass(/scroll-locked/);
  // Nothing was deleted: the account page still answers.
  await expect(page).toHaveURL('/settings/account');
});
