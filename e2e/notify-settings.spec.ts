import { expect, test } from './fixtures';

// Issue 14 settings in the browser: the digest day is chosen by name, and the owner can turn on the
// "recently available" mail to requesters (off by default).
test('digest day by name, requester mails toggle', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Email address').fill(`notify-settings-${Date.now()}@example.test`);
  await page.getByLabel('Password', { exact: true }).fill('notify-settings-password-123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/onboarding');

  await page.goto('/settings/display');
  const day = page.getByLabel('Weekly digest day');
  await expect(day.locator('option')).toHaveText([
    'Sunday',
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
  ]);
  await expect(day).toHaveValue('1');
  await day.selectOption({ label: 'Friday' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await (await page.request.get('/api/settings')).json()).digestDay).toBe(5);
  await page.reload();
  await expect(page.getByLabel('Weekly digest day')).toHaveValue('5');

  await page.goto('/settings/notifications');
  const mailRequesters = page.getByLabel('Email each requester when their title becomes available');
  await expect(mailRequesters).not.toBeChecked();
  expect((await (await page.request.get('/api/settings')).json()).notifyRequesters).toBe(false);
  await mailRequesters.check();
  await expect.poll(async () => (await (await page.request.get('/api/settings')).json()).notifyRequesters).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Email each requester when their title becomes available')).toBeChecked();
});
