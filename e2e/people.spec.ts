import { startSimulator } from '@mj/simulator';
import { expect, test } from './fixtures';

// People and libraries settings through the UI, after a real sync of a simulated Jellyfin + Jellyseerr:
// a rename and an exclusion survive a reload, and the library choice can be reset to the default.
test('rename a person, stop counting another, choose libraries; all persist after a reload', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const sim = await startSimulator({ scale: 'demo', seed: 3, host: '127.0.0.1', jellyfinPort: 0, jellyseerrPort: 0 });
  try {
    const origin = { origin: baseURL! };
    const [renamed, excluded] = sim.users;
    if (!renamed || !excluded) throw new Error('the demo dataset has at least two Jellyfin users');

    await test.step('sign up, connect and sync through the API', async () => {
      await page.goto('/signup');
      await page.getByLabel('Email address').fill(`people-${Date.now()}@example.test`);
      await page.getByLabel('Password', { exact: true }).fill('people-password-123');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL('/onboarding');
      for (const kind of ['jellyfin', 'jellyseerr'] as const) {
        const response = await page.request.put(`/api/connections/${kind}`, {
          data: { url: sim[kind].url, apiKey: sim[kind].apiKey },
          headers: origin,
        });
        expect(response.status(), await response.text()).toBe(200);
      }
      const started = await page.request.post('/api/sync', { data: {}, headers: origin });
      expect(started.status(), await started.text()).toBe(202);
      await expect
        .poll(
          async () =>
            ((await (await page.request.get('/api/sync/status')).json()) as { lastRun: { status: string } | null })
              .lastRun?.status,
          {
            message: 'the sync finishes',
            timeout: 90_000,
          },
        )
        .toBe('success');
    });

    await test.step('dashboard numbers stay aligned when a card title wraps', async () => {
      await page.setViewportSize({ width: 560, height: 900 });
      await page.goto('/dashboard');
      const cards = page.locator('[data-analysis]');
      await expect(cards).toHaveCount(5);
      const boxes = await cards.evaluateAll((elements) =>
        elements.map((card) => ({
          top: card.getBoundingClientRect().top,
          titleHeight: card.querySelector('.title')!.getBoundingClientRect().height,
          countTop: card.querySelector('[data-testid^="count-"]')!.getBoundingClientRect().top,
        })),
      );
      const lines = new Map<number, typeof boxes>();
      for (const box of boxes) lines.set(Math.round(box.top), [...(lines.get(Math.round(box.top)) ?? []), box]);
      // The check only means something if some line mixes wrapped and unwrapped titles.
      expect([...lines.values()].some((line) => new Set(line.map((b) => Math.round(b.titleHeight))).size > 1)).toBe(
        true,
      );
      for (const line of lines.values()) expect(new Set(line.map((b) => Math.round(b.countTop))).size).toBe(1);
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    const jellyfin = page.getByRole('region', { name: 'Jellyfin users' });
    const person = (name: string) => jellyfin.getByRole('group', { name, exact: true });

    await test.step('rename one person and stop counting another', async () => {
      await page.goto('/settings');
      await page.getByRole('link', { name: 'People' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
      await person(renamed.name).getByLabel(`Display name for ${renamed.name}`).fill('Grandma');
      const counted = person(excluded.name).getByLabel('Count this person’s watching');
      await expect(counted).toBeChecked();
      await counted.uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'People saved.' })).toBeVisible();
    });

    await test.step('both changes persist after a reload', async () => {
      await page.reload();
      await expect(person(renamed.name).getByLabel(`Display name for ${renamed.name}`)).toHaveValue('Grandma');
      await expect(person(excluded.name).getByLabel('Count this person’s watching')).not.toBeChecked();
      await expect(person(renamed.name).getByLabel('Count this person’s watching')).toBeChecked();
      const settings = (await (await page.request.get('/api/settings')).json()) as { excludedUsers: string[] };
      expect(settings.excludedUsers).toEqual([excluded.id]);
    });

    await test.step('choose libraries, then go back to the default', async () => {
      await page.goto('/settings/libraries');
      await expect(page.getByText('You are using the default choice.')).toBeVisible();
      const kids = page.getByRole('checkbox', { name: /Kids/ });
      const music = page.getByRole('checkbox', { name: /Music/ });
      await expect(kids).toBeChecked();
      await expect(music).not.toBeChecked();
      await kids.uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Libraries saved.' })).toBeVisible();

      await page.reload();
      await expect(page.getByText('You chose these libraries yourself.')).toBeVisible();
      await expect(kids).not.toBeChecked();
      await expect(page.getByRole('checkbox', { name: /Movies/ })).toBeChecked();

      await page.getByRole('button', { name: 'Use the default' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Back to the default libraries.' })).toBeVisible();
      await page.reload();
      await expect(page.getByText('You are using the default choice.')).toBeVisible();
      await expect(kids).toBeChecked();
    });
  } finally {
    await sim.close();
  }
});
