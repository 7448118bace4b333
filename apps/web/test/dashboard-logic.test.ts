import { describe, expect, it } from 'vitest';
import { barPercent, linePath, niceCeiling, plotSeries } from '$lib/charts/scale';
import { formatBytes, formatRelative, formatSince } from '$lib/client/format';
import { syncHistory } from '$lib/dashboard/history';
import { describeLastRun, describeStep, isShrinkFailure, progressPercent } from '$lib/sync/sync-text';
import { translator } from '$lib/i18n';

const en = translator('en');
const fr = translator('fr');

describe('sync progress text', () => {
  it('translates the watch-history step with its counters', () => {
    expect(describeStep('Fetching watch history: user 7 of 20', en)).toBe('Fetching watch history: user 7 of 20');
    expect(describeStep('Fetching watch history: user 7 of 20', fr)).toBe(
      'Lecture de l’historique de visionnage : utilisateur 7 sur 20',
    );
  });

  it('shows an unknown step as sent and a missing one as waiting', () => {
    expect(describeStep('Reticulating splines', fr)).toBe('Reticulating splines');
    expect(describeStep(null, en)).toBe('Waiting for a worker…');
  });

  it('computes a bounded percentage, or null without a total', () => {
    expect(progressPercent({ step: 'x', done: 7, total: 20 })).toBe(35);
    expect(progressPercent({ step: 'x', done: 30, total: 20 })).toBe(100);
    expect(progressPercent({ step: 'x', done: 3, total: null })).toBeNull();
    expect(progressPercent({ step: 'x', done: 0, total: 0 })).toBeNull();
  });

  it('explains partial and failed runs with their reason', () => {
    const run = { id: 'r', mode: 'full' as const, startedAt: null, finishedAt: null, counts: null };
    const partial = describeLastRun({ ...run, status: 'partial', error: 'Jellyseerr timed out' }, en);
    expect(partial.tone).toBe('warning');
    expect(partial.text).toContain('requests are from an earlier sync');
    expect(partial.text).toContain('Jellyseerr timed out');
    const failed = describeLastRun({ ...run, status: 'failed', error: 'library shrank from 900 to 10 items' }, en);
    expect(failed.tone).toBe('error');
    expect(failed.text).toContain('nothing was changed');
    expect(isShrinkFailure({ ...run, status: 'failed', error: 'library shrank from 900 to 10 items' })).toBe(true);
    expect(isShrinkFailure({ ...run, status: 'failed', error: 'Jellyfin rejected the API key' })).toBe(false);
  });
});

describe('sync history', () => {
  const base = {
    trigger: 'manual' as const,
    mode: 'full' as const,
    startedAt: null,
    error: null,
    progress: { step: null, done: 0, total: null },
  };
  it('keeps runs that produced a snapshot, oldest first, summing the items read', () => {
    const history = syncHistory([
      {
        ...base,
        id: '3',
        status: 'success',
        createdAt: '2026-01-03T00:00:00Z',
        finishedAt: '2026-01-03T00:01:00Z',
        counts: { movies: 10, series: 2, episodes: 30 },
      },
      {
        ...base,
        id: '2',
        status: 'failed',
        createdAt: '2026-01-02T00:00:00Z',
        finishedAt: '2026-01-02T00:01:00Z',
        counts: { movies: 1 },
      },
      {
        ...base,
        id: '1',
        status: 'partial',
        createdAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:01:00Z',
        counts: { movies: 8, series: 1, episodes: 20, requestsByRoute: { a: 1 } },
      },
      { ...base, id: '0', status: 'success', createdAt: '2025-12-31T00:00:00Z', finishedAt: null, counts: null },
    ]);
    expect(history).toEqual([
      { at: '2026-01-01T00:01:00Z', items: 29 },
      { at: '2026-01-03T00:01:00Z', items: 42 },
    ]);
  });
});

describe('chart scales', () => {
  it('rounds the axis up to a readable value', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(13)).toBe(20);
    expect(niceCeiling(220)).toBe(250);
    expect(niceCeiling(4100)).toBe(5000);
  });

  it('keeps small non-zero bars visible and zero bars empty', () => {
    expect(barPercent(0, 100)).toBe(0);
    expect(barPercent(0.001, 100)).toBe(0.75);
    expect(barPercent(50, 200)).toBe(25);
  });

  it('plots a series bottom-up and draws a single value as a flat line', () => {
    expect(plotSeries([0, 5, 10], 100, 50, 10)).toEqual([
      { x: 0, y: 50 },
      { x: 50, y: 25 },
      { x: 100, y: 0 },
    ]);
    expect(linePath(plotSeries([5], 100, 50, 10))).toBe('M0,25 L100,25');
  });
});

describe('formatting', () => {
  it('formats binary sizes per language', () => {
    expect(formatBytes(13 * 1024 ** 3, 'en')).toBe('13 GiB');
    expect(formatBytes(1.5 * 1024 ** 3, 'fr')).toBe('1,5 Gio');
    expect(formatBytes(2.5 * 1024 ** 4, 'en')).toBe('2.5 TiB');
    expect(formatBytes(null, 'en')).toBe('—');
    expect(formatBytes(512, 'en')).toBe('512 B');
  });

  it('says how long ago a sync was', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(formatRelative('2026-01-10T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2026-01-08T12:00:00Z', now, 'en')).toBe('2 days ago');
  });

  it('never says a past sync happens "in 1 second" (a page clock a little behind)', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(formatRelative('2026-01-10T12:00:01Z', now, 'en')).toBe('in 1 second');
    expect(formatSince('2026-01-10T12:00:01Z', now, 'en')).toBe('now');
    expect(formatSince('2026-01-10T11:57:00Z', now, 'en')).toBe('3 minutes ago');
  });
});
