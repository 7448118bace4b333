import { createDb } from '@mj/db';
import { desc } from 'drizzle-orm';
import { startSimulator } from '@mj/simulator';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { signUpConnectAndSync } from './support/new-tenant';

const DAY = 86_400_000;

// Space over time (issue 15): one sync shows the empty state; with a point from an earlier day the
// dashboard draws the line and offers the figures as a table.
test('the dashboard shows space over time after the second day of syncs', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const sim = await startSimulator({ scale: 'demo', seed: 3, host: '127.0.0.1' });
  try {
    await signUpConnectAndSync(page, { baseURL: baseURL!, emailPrefix: 'space', servers: sim, kinds: ['jellyfin'] });
    await page.goto('/dashboard');
    await expect(page.getByTestId('space-over-time')).toContainText('appears after the second sync');

    // A day cannot pass in a test: yesterday's point is copied from today's, 10 GB larger.
    const db = createDb({ dialect: 'sqlite', file: join(process.env.E2E_DATA_DIR!, 'media-janitor.db') });
    try {
      // The e2e app is shared by every spec: this tenant's point is the newest one (it just synced).
      const [today] = await db.q.select().from(db.t.spaceHistory).orderBy(desc(db.t.spaceHistory.at)).limit(1);
      expect(today, 'the sync wrote a point').toBeDefined();
      await db.q
        .insert(db.t.spaceHistory)
        .values({ ...today!, day: today!.day - 1, at: today!.at - DAY, totalBytes: today!.totalBytes + 10e9 });
    } finally {
      await db.close();
    }

    await page.reload();
    const chart = page.getByTestId('space-over-time');
    await expect(chart.getByRole('img', { name: 'Space over time' })).toBeVisible();
    await expect(chart).toContainText('2 days');
    await chart.getByText('Show the figures').click();
    await expect(chart.getByRole('table').getByRole('row')).toHaveCount(3);
  } finally {
    await sim.close();
  }
});
