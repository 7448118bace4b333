import { describe, expect, it } from 'vitest';
import { canRestore, deletionTarget, fitsDailyCap, recheckDeletion, type RecheckFacts } from '../src/cleanup';
import { DAY_MS } from '../src/dates';
import { GIB } from '../src/sizes';

// RULES.md §9, each check by name.
const NOW = Date.UTC(2026, 5, 1);
const facts = (
  over: Partial<RecheckFacts> = {},
  title: Partial<NonNullable<RecheckFacts['title']>> = {},
): RecheckFacts => ({
  now: NOW,
  lastSuccessfulSyncAt: NOW - 3_600_000,
  existsInJellyfin: true,
  title: { protectedNow: false, lastWatchedAt: NOW - 200 * DAY_MS, addedAt: NOW - 400 * DAY_MS, ...title },
  deletion: { lastWatchedAtSchedule: NOW - 200 * DAY_MS, chosenByUser: true },
  ...over,
});

describe('§9 re-check at execution', () => {
  it('executes when nothing changed', () => {
    expect(recheckDeletion(facts())).toEqual({ action: 'execute' });
  });
  it('the item no longer exists → done ("already gone")', () => {
    expect(recheckDeletion(facts({ existsInJellyfin: false }))).toEqual({ action: 'gone', reason: 'already gone' });
    expect(recheckDeletion(facts({ title: null }))).toMatchObject({ action: 'gone' });
  });
  it('the last successful sync is older than 48 h → postponed a day', () => {
    const r = recheckDeletion(facts({ lastSuccessfulSyncAt: NOW - 49 * 3_600_000 }));
    expect(r).toMatchObject({ action: 'postpone', until: NOW + DAY_MS });
    expect(recheckDeletion(facts({ lastSuccessfulSyncAt: null }))).toMatchObject({ action: 'postpone' });
    expect(recheckDeletion(facts({ lastSuccessfulSyncAt: NOW - 47 * 3_600_000 }))).toEqual({ action: 'execute' });
  });
  it('protected since (content whitelist) → skipped', () => {
    expect(recheckDeletion(facts({}, { protectedNow: true }))).toEqual({
      action: 'skip',
      reason: 'protected since it was scheduled',
    });
  });
  it('watched since it was scheduled → skipped', () => {
    expect(recheckDeletion(facts({}, { lastWatchedAt: NOW - DAY_MS }))).toMatchObject({
      action: 'skip',
      reason: 'watched since it was scheduled',
    });
    // Never watched when scheduled, watched now.
    const never = facts(
      { deletion: { lastWatchedAtSchedule: null, chosenByUser: true } },
      { lastWatchedAt: NOW - DAY_MS },
    );
    expect(recheckDeletion(never)).toMatchObject({ action: 'skip' });
  });
  it('never a title whose added date is unknown unless the user scheduled that very title', () => {
    expect(recheckDeletion(facts({}, { addedAt: null }))).toEqual({ action: 'execute' });
    const auto = facts(
      { deletion: { lastWatchedAtSchedule: NOW - 200 * DAY_MS, chosenByUser: false } },
      { addedAt: null },
    );
    expect(recheckDeletion(auto)).toMatchObject({ action: 'skip' });
  });
});

describe('§9 caps, targets and restore window', () => {
  it('daily cap: at most maxDeletionGiBPerDay a day, the rest waits', () => {
    expect(fitsDailyCap(0, 2000 * GIB, 2000)).toBe(true);
    expect(fitsDailyCap(1999 * GIB, 2 * GIB, 2000)).toBe(false);
    expect(fitsDailyCap(10 * GIB, 5 * GIB, 20)).toBe(true);
  });
  it('targets: Radarr for movies, Sonarr for series, Jellyfin only when allowed', () => {
    expect(deletionTarget('movie', true, false)).toBe('radarr');
    expect(deletionTarget('series', true, false)).toBe('sonarr');
    expect(deletionTarget('movie', false, true)).toBe('jellyfin');
    expect(deletionTarget('series', false, false)).toBeNull();
  });
  it('restore within 30 days of done, through Radarr/Sonarr', () => {
    const done = { status: 'done', executedAt: NOW - 29 * DAY_MS, target: 'radarr', restoredAt: null };
    expect(canRestore(done, NOW)).toBe(true);
    expect(canRestore({ ...done, executedAt: NOW - 31 * DAY_MS }, NOW)).toBe(false);
    expect(canRestore({ ...done, target: 'jellyfin' }, NOW)).toBe(false);
    expect(canRestore({ ...done, status: 'scheduled' }, NOW)).toBe(false);
    expect(canRestore({ ...done, restoredAt: NOW }, NOW)).toBe(false);
  });
});
