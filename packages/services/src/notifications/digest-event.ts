import { countNewIssues, couldFreeTotal, previousDigestAt, scheduledBefore, topCouldFree } from '@mj/db';
import type { NotifyContext } from './channels';
import { emitNotification } from './deliveries';
import { digestText } from './event-texts';
import type { Lang } from './message';

// The weekly digest's content (RULES §10): what could be freed (total and the five largest titles), how
// many issues appeared since the previous digest, and what leaves within a week.

const WEEK_MS = 7 * 86_400_000;

export async function emitDigest(ctx: NotifyContext, lang: Lang, week: string, now: number): Promise<number> {
  const key = `digest:${ctx.tenantId}:${week}`;
  const free = await couldFreeTotal(ctx.db, ctx.tenantId, now);
  const top = await topCouldFree(ctx.db, ctx.tenantId, now, 5);
  // The first digest counts the week before it.
  const since = (await previousDigestAt(ctx.db, ctx.tenantId, `${key}|`)) ?? now - WEEK_MS;
  const newIssues = await countNewIssues(ctx.db, ctx.tenantId, since, now);
  const leaving = await scheduledBefore(ctx.db, ctx.tenantId, now + WEEK_MS);
  const content = { couldFree: free, top, newIssues, leaving: leaving.slice(0, 10) };
  const ids = await emitNotification(ctx, 'digest', key, {
    event: 'digest',
    ...digestText(lang, content),
    data: {
      week,
      couldFree: free,
      topCouldFree: top.map((t) => ({ title: t.title, year: t.year, sizeBytes: t.sizeBytes })),
      newIssues: { count: newIssues, since: new Date(since).toISOString() },
      leavingSoon: leaving.map((d) => ({
        title: d.title,
        year: d.year,
        leavesAt: new Date(d.executeAt).toISOString(),
      })),
    },
  });
  return ids.length;
}
