// `pnpm --filter @mj/bench exec tsx analysis/run.ts --dialect sqlite`: times a full recompute against an
// incremental one (`recomputeTenant(ctx, { changedTitleIds })`) after ~1 % of titles changed on a large
// generated library, checks both store the same rows, and prints one JSON line last.
import { parseArgs } from 'node:util';
import { createTestDb, writeSnapshotFixture, type TestDb } from '@mj/db/testing';
import { newId } from '@mj/db';
import { recomputeTenant, type TenantContext } from '@mj/services';
import { eq } from 'drizzle-orm';
import { generateLibrary } from '../../packages/services/test/support/generate-library';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    movies: { type: 'string', default: '20000' },
    series: { type: 'string', default: '3000' },
    episodes: { type: 'string', default: '50' },
    changed: { type: 'string', default: '0.01' },
    rounds: { type: 'string', default: '2' },
  },
});
const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86_400_000;
const log = (line: string) => console.error(line);
let lastInfo: unknown = null;
const silent = { info: (fields: unknown) => void (lastInfo = fields), warn: () => undefined, error: () => undefined };

async function rows(db: TestDb, tenantId: string) {
  const { titleIssues: t, requestIssues: r, recentItems: i } = db.t;
  const strip = <T extends { tenantId: string; evaluatedAt?: number }>(list: T[]) =>
    JSON.stringify(
      list.map(({ tenantId: _t, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  return [
    strip(await db.q.select().from(t).where(eq(t.tenantId, tenantId))),
    strip(await db.q.select().from(r).where(eq(r.tenantId, tenantId))),
    strip(await db.q.select().from(i).where(eq(i.tenantId, tenantId))),
  ].join('\n');
}

const db = await createTestDb(values.dialect as 'sqlite' | 'pg');
let now = NOW;
const clock = { now: () => now };
const data = generateLibrary({
  movies: Number(values.movies),
  series: Number(values.series),
  episodesPerSeries: Number(values.episodes),
  users: 20,
  requests: 2000,
  now: NOW,
});
const { library } = data;
const tenantId = newId();
await db.q.insert(db.t.tenants).values({ id: tenantId, name: 'bench', createdAt: now });
const ctx: TenantContext = { db, clock, log: silent, tenantId, userId: 'bench' };
let t0 = performance.now();
await writeSnapshotFixture(db, tenantId, data, now);
log(
  `snapshot written in ${Math.round(performance.now() - t0)} ms: ${library.movies.length} movies, ${library.series.length} series, ${library.episodes.length} episodes`,
);
await recomputeTenant(ctx);

const titles = [...library.movies, ...library.series];
const perRound = Math.round(titles.length * Number(values.changed));
const results: { counts: unknown; fullMs: number; incrementalMs: number; changed: number; identical: boolean }[] = [];
for (let round = 0; round < Number(values.rounds); round += 1) {
  // ~1 % of titles change: a rename (moves name ranks), a play, a new date; the clock moves a day.
  const changed: string[] = [];
  for (let k = 0; k < perRound; k += 1) {
    const title = titles[(round * 7919 + k * 97) % titles.length]!;
    title.name = `${title.name} ${round}`;
    changed.push(title.id);
  }
  now += DAY;
  await writeSnapshotFixture(db, tenantId, data, now);
  t0 = performance.now();
  await recomputeTenant(ctx, { changedTitleIds: changed });
  const incrementalMs = performance.now() - t0;
  const counts = lastInfo;
  const incremental = await rows(db, tenantId);
  t0 = performance.now();
  await recomputeTenant(ctx);
  const fullMs = performance.now() - t0;
  const identical = incremental === (await rows(db, tenantId));
  results.push({
    counts,
    fullMs: Math.round(fullMs),
    incrementalMs: Math.round(incrementalMs),
    changed: changed.length,
    identical,
  });
  log(
    `round ${round}: full ${Math.round(fullMs)} ms, incremental ${Math.round(incrementalMs)} ms, identical ${identical}`,
  );
}
await db.destroy();
console.log(
  JSON.stringify({
    dialect: values.dialect,
    titles: titles.length,
    episodes: library.episodes.length,
    rounds: results,
  }),
);
process.exit(0);
