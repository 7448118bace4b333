import { createServer } from 'node:http';
import { startSimulator } from '@mj/simulator';
import { expect, test } from './fixtures';
import { signUpConnectAndSync } from './support/new-tenant';

// Issue 14 in the browser: create a channel, send a test to a local receiver, create a household link,
// open it in a fresh browser context (no account), ask to keep a title, see it on the owner's page.
test('channel test, household link, keep request seen by the owner', async ({ page, baseURL, browser }) => {
  test.setTimeout(180_000);
  type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const bodies: string[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  const sim = await startSimulator({ scale: 'demo', seed: 5, host: '127.0.0.1' });
  const origin = { origin: baseURL! };
  try {
    await test.step('sign up, connect, sync, schedule a title', async () => {
      await signUpConnectAndSync(page, {
        baseURL: baseURL!,
        emailPrefix: 'notify',
        servers: sim,
        kinds: ['jellyfin', 'jellyseerr', 'radarr'],
      });
    });
    const radarr = (await (await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)).json()) as Json[];
    const managed = new Set(radarr.map((m) => m.title));
    const old = ((await (await page.request.get('/api/issues?kind=old&pageSize=200')).json()) as Json).items as Json[];
    const movie = old.find((i) => i.mediaType === 'movie' && managed.has(i.title) && i.sizeBytes > 0);
    expect(movie).toBeDefined();
    const scheduled = await page.request.post('/api/deletions', {
      data: { items: [{ itemId: movie.id }] },
      headers: origin,
    });
    expect(scheduled.status(), await scheduled.text()).toBe(201);

    await test.step('Settings → Notifications: add a webhook and send a test', async () => {
      await page.goto('/settings/notifications');
      await page.getByLabel('Name').fill('My hook');
      await page.getByLabel('URL').fill(hookUrl);
      await page.getByRole('button', { name: 'Add channel' }).click();
      await expect(page.locator('[data-channel-id]').filter({ hasText: 'My hook' })).toBeVisible();
      await page.getByRole('button', { name: 'Send a test' }).click();
      await expect.poll(() => bodies.length).toBe(1);
      expect(JSON.parse(bodies[0]!).event).toBe('test');
    });

    let householdUrl = '';
    await test.step('create a household link', async () => {
      await page.getByRole('button', { name: 'Create a link' }).click();
      householdUrl = (await page.getByTestId('household-url').textContent())!.trim();
      expect(householdUrl).toContain('/household/');
    });

    await test.step('a visitor without an account asks to keep the title', async () => {
      const visitor = await browser.newContext({ baseURL: baseURL! });
      const vpage = await visitor.newPage();
      await vpage.goto(new URL(householdUrl).pathname);
      const item = vpage.getByTestId('household-item').filter({ hasText: movie.title });
      await expect(item).toBeVisible();
      await item.getByLabel('Your name').fill('Grandma');
      await item.getByRole('button', { name: 'Ask to keep' }).click();
      await expect(
        vpage.getByTestId('household-item').filter({ hasText: movie.title }).getByText('Keep requested'),
      ).toBeVisible();
      await visitor.close();
    });

    await test.step('the owner sees it on Leaving soon', async () => {
      await page.goto('/leaving-soon');
      await expect(
        page.locator('[data-deletion-id]').filter({ hasText: movie.title }).getByTestId('keep-requests'),
      ).toHaveText('Keep requested by Grandma');
    });
  } finally {
    await sim.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
