import { describe, expect, it } from 'vitest';
import { chooseSyncMode, serverClockAhead, WEEKLY_FULL_SYNC_MS } from '../src';

const NOW = Date.UTC(2026, 0, 10);
const base = {
  trigger: 'schedule' as const,
  hasSnapshot: true,
  watermark: NOW - 3_600_000,
  storedFingerprint: 'srv|10.10.7',
  fingerprint: 'srv|10.10.7',
  lastFullSyncAt: NOW - 86_400_000,
  now: NOW,
};

describe('sync mode (ADR 0005)', () => {
  it('sync mode: a scheduled sync with a watermark from the same server is incremental', () => {
    expect(chooseSyncMode(base)).toEqual({ mode: 'incremental' });
  });
  it('sync mode: a requested sync (Refresh now, connect) is full', () => {
    expect(chooseSyncMode({ ...base, trigger: 'manual' })).toEqual({ mode: 'full', reason: 'requested' });
    expect(chooseSyncMode({ ...base, trigger: 'connect' })).toEqual({ mode: 'full', reason: 'requested' });
  });
  it('sync mode: no snapshot or no watermark yet is a first sync', () => {
    expect(chooseSyncMode({ ...base, hasSnapshot: false })).toMatchObject({ reason: 'first-sync' });
    expect(chooseSyncMode({ ...base, watermark: null })).toMatchObject({ reason: 'first-sync' });
  });
  it('sync mode: another server id or version forces a full sync', () => {
    expect(chooseSyncMode({ ...base, fingerprint: 'srv|10.11.0' })).toMatchObject({ reason: 'server-changed' });
  });
  it('sync mode: a week after the last full sync, the sync is full', () => {
    expect(chooseSyncMode({ ...base, lastFullSyncAt: NOW - WEEKLY_FULL_SYNC_MS })).toMatchObject({ reason: 'weekly' });
    expect(chooseSyncMode({ ...base, lastFullSyncAt: NOW - WEEKLY_FULL_SYNC_MS + 1 })).toEqual({ mode: 'incremental' });
  });
  it('sync mode: a server date more than a day ahead of our clock is clock skew', () => {
    expect(serverClockAhead(NOW + 86_400_001, NOW)).toBe(true);
    expect(serverClockAhead(NOW + 3_600_000, NOW)).toBe(false);
    expect(serverClockAhead(null, NOW)).toBe(false);
  });
});
