import { expect, type Page } from '@playwright/test';

type ServerKind = 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr';
type Servers = Record<ServerKind, { url: string; apiKey: string }>;

/** Signs up through the form; a new account lands on the onboarding. */
export async function signUpInBrowser(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
}

/**
 * What most journeys start with: sign up in the browser (landing on the onboarding), connect the given
 * simulated servers through the API and wait for the first sync to succeed.
 */
export async function signUpConnectAndSync(
  page: Page,
  opts: { baseURL: string; emailPrefix: string; servers: Servers; kinds: readonly ServerKind[] },
): Promise<void> {
  const origin = { origin: opts.baseURL };
  await signUpInBrowser(page, {
    email: `${opts.emailPrefix}-${Date.now()}@example.test`,
    password: `${opts.emailPrefix}-password-123`,
  });
  for (const kind of opts.kinds) {
    const res = await page.request.put(`/api/connections/${kind}`, {
      data: { url: opts.servers[kind].url, apiKey: opts.servers[kind].apiKey },
      headers: origin,
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  expect((await page.request.post('/api/sync', { data: {}, headers: origin })).status()).toBe(202);
  await expect
    .poll(
      async () =>
        ((await (await page.request.get('/api/sync/status')).json()) as { lastRun?: { status?: string } }).lastRun
          ?.status,
      {
        timeout: 60_000,
      },
    )
    .toBe('success');
}
