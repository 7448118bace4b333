import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function fillCredentials(page: Page, email: string, password: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
}

async function logIn(page: Page, email: string, password: string) {
  await fillCredentials(page, email, password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function logOut(page: Page) {
  await page.getByLabel('Account menu').click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL('/');
}

test('sign-up shows the field error for a too-short password', async ({ page }) => {
  await page.goto('/signup');
  await fillCredentials(page, uniqueEmail('short'), 'short');
  await page.getByRole('button', { name: 'Create account' }).click();

  const password = page.getByLabel('Password', { exact: true });
  await expect(page.getByText('The password must be at least 10 characters.')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(page).toHaveURL('/signup');
});

test('sign up, log out, log in, reset the password by mail, log in with the new one', async ({ page, nextMail }) => {
  const email = uniqueEmail('journey');
  const firstPassword = 'first-password-123';
  const newPassword = 'second-password-456';

  await test.step('sign up from the landing page', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Create an account' }).first().click();
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await fillCredentials(page, email, firstPassword);
    await page.getByRole('button', { name: 'Create account' }).click();

    // New accounts start with the setup (issue 15); skipping it leads to the dashboard.
    await expect(page).toHaveURL('/onboarding');
    await expect(page.getByRole('heading', { level: 2, name: 'Connect Jellyfin' })).toBeVisible();
    await page.goto('/dashboard');
    await expect(page).toHaveURL('/onboarding');
    await page.getByRole('button', { name: 'Skip the setup for now' }).click();
    await expect(page).toHaveURL('/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('link', { name: 'Connect a server' })).toHaveAttribute('href', '/settings/connections');
  });

  await test.step('log out; protected pages then ask to log in', async () => {
    await logOut(page);
    await page.goto('/issues');
    await expect(page).toHaveURL('/login?next=%2Fissues');
  });

  await test.step('log in and land on the page that was asked for', async () => {
    await logIn(page, email, firstPassword);
    await expect(page).toHaveURL('/issues');
    await expect(page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();
    await logOut(page);
  });

  let resetLink = '';
  await test.step('ask for a reset link', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The login page has an email field too: wait for the client-side navigation to finish.
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status')).toContainText(`If an account exists for ${email}`);

    const mail = await nextMail(email);
    const match = /https?:\/\/[^\s"'<>]+\/reset-password\?token=[^\s"'<>]+/.exec(mail.text);
    expect(match, `a reset link in:\n${mail.text}`).not.toBeNull();
    resetLink = match![0].replaceAll('&amp;', '&');
  });

  await test.step('choose a new password from the mailed link', async () => {
    await page.goto(resetLink);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL('/login?reset=1');
    await expect(page.getByRole('status')).toContainText('Your password has been changed');
  });

  await test.step('the link works only once', async () => {
    await page.goto(resetLink);
    await page.getByLabel('New password').fill('third-password-789');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('alert')).toContainText('This link is invalid or has expired');
    await expect(page.getByRole('link', { name: 'Request a new link' })).toBeVisible();
  });

  await test.step('the old password no longer works', async () => {
    await page.goto('/login');
    await logIn(page, email, firstPassword);
    await expect(page.getByRole('alert')).toContainText('Wrong email or password.');
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step('the new password does', async () => {
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL('/dashboard');
    await expect(page.getByLabel('Account menu')).toContainText(email);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-up and its field errors still work (progressive enhancement)', async ({ page }) => {
    await page.goto('/signup');
    const email = uniqueEmail('nojs');
    await fillCredentials(page, email, 'short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('The password must be at least 10 characters.')).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(email);

    await page.getByLabel('Password', { exact: true }).fill('long-enough-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL('/onboarding');
  });
});

test('language and theme preferences apply to every page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Apply' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The chosen theme wins over the system's (light here): the page is painted with the dark palette.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(15, 17, 23)');
  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Réinitialiser votre mot de passe' })).toBeVisible();
  expect(await background()).toBe('rgb(15, 17, 23)');
});

test('the system colour scheme applies until a theme is chosen', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, colorScheme: 'dark' });
  const page = await context.newPage();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto('/login');
  expect(await background()).toBe('rgb(15, 17, 23)');
  await page.getByLabel('Theme').selectOption('light');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).toBe('rgb(247, 247, 251)');
  await context.close();
});
