import { describe, expect, it } from 'vitest';
import type { SyncStatusResponse } from '@mj/contracts';
import { onboardingProgress, type OnboardingFacts } from '$lib/onboarding/progress';
import { parseStatusEvent, progressPercent, syncPhase } from '$lib/sync/sync-text';
import { dateInputValue, episodeLabel, expiryFromDateInput, expiryState } from '$lib/whitelists/whitelist-view';

const view = (kind: 'jellyfin' | 'jellyseerr') => ({
  kind,
  configured: true as const,
  url: 'http://x',
  serverName: null,
  version: null,
  certFingerprint: null,
  keyReadable: true,
  updatedAt: '2024-01-01T00:00:00Z',
});
const none = (kind: 'jellyfin' | 'jellyseerr') => ({ kind, configured: false as const });
const lastRun = {
  id: 'r1',
  status: 'success' as const,
  mode: 'full' as const,
  startedAt: null,
  finishedAt: null,
  error: null,
  counts: null,
};

function facts(overrides: Partial<OnboardingFacts> = {}): OnboardingFacts {
  return {
    connections: { jellyfin: none('jellyfin'), jellyseerr: none('jellyseerr') },
    settings: { timeZone: 'UTC' },
    sync: { state: 'idle', lastRun: null },
    skippedJellyseerr: false,
    ...overrides,
  };
}

describe('onboarding progress', () => {
  it('starts with Jellyfin', () => {
    const progress = onboardingProgress(facts());
    expect(progress.current).toBe('jellyfin');
    expect(progress.completed).toBe(0);
    expect(progress.finished).toBe(false);
  });

  it('asks for Jellyseerr after Jellyfin unless skipped', () => {
    const connections = { jellyfin: view('jellyfin'), jellyseerr: none('jellyseerr') };
    expect(onboardingProgress(facts({ connections })).current).toBe('jellyseerr');
    expect(onboardingProgress(facts({ connections, skippedJellyseerr: true })).current).toBe('languages');
  });

  it('counts a saved time zone as the language step and finishes after a sync', () => {
    const connections = { jellyfin: view('jellyfin'), jellyseerr: view('jellyseerr') };
    expect(onboardingProgress(facts({ connections, settings: { timeZone: 'Europe/Paris' } })).current).toBe('sync');
    const done = onboardingProgress(facts({ connections, sync: { state: 'idle', lastRun } }));
    expect(done.finished).toBe(true);
    expect(done.completed).toBe(4);
  });

  it('counts the language step once saved, even when the household keeps UTC', () => {
    const connections = { jellyfin: view('jellyfin'), jellyseerr: view('jellyseerr') };
    expect(onboardingProgress(facts({ connections })).completed).toBe(2);
    const saved = onboardingProgress(facts({ connections, savedLanguages: true }));
    expect(saved.completed).toBe(3);
    expect(saved.current).toBe('sync');
  });
});

describe('sync view', () => {
  const status = (over: Partial<SyncStatusResponse>): SyncStatusResponse => ({
    state: 'idle',
    runId: null,
    progress: { step: null, done: 0, total: null },
    lastRun: null,
    ...over,
  });

  it('gives a bounded percentage, or null when the total is unknown', () => {
    expect(progressPercent({ step: 'items', done: 5, total: 20 })).toBe(25);
    expect(progressPercent({ step: 'items', done: 30, total: 20 })).toBe(100);
    expect(progressPercent({ step: null, done: 0, total: null })).toBeNull();
    expect(progressPercent({ step: null, done: 0, total: 0 })).toBeNull();
  });

  it('does not mistake an older finished run for the one just started', () => {
    expect(syncPhase(status({ state: 'running' }), 'r2')).toBe('active');
    expect(syncPhase(status({ lastRun }), 'r2')).toBe('active');
    expect(syncPhase(status({ lastRun: { ...lastRun, id: 'r2', status: 'failed' } }), 'r2')).toBe('failed');
    expect(syncPhase(status({ lastRun }), null)).toBe('success');
    expect(syncPhase(status({}), null)).toBe('idle');
  });

  it('parses status events and rejects junk', () => {
    const parse = (v: unknown) =>
      typeof v === 'object' && v !== null && 'state' in v ? (v as SyncStatusResponse) : null;
    expect(parseStatusEvent(JSON.stringify(status({ state: 'queued' })), parse)?.state).toBe('queued');
    expect(parseStatusEvent('{not json', parse)).toBeNull();
    expect(parseStatusEvent('42', parse)).toBeNull();
  });
});

describe('whitelist view', () => {
  it('turns a picked day into the end of that day, and empty into permanent', () => {
    expect(expiryFromDateInput('2030-05-03')).toBe('2030-05-03T23:59:59Z');
    expect(expiryFromDateInput('  ')).toBeNull();
    expect(dateInputValue('2030-05-03T23:59:59.000Z')).toBe('2030-05-03');
    expect(dateInputValue(null)).toBe('');
  });

  it('tells permanent, active and expired entries apart', () => {
    expect(expiryState({ expiresAt: null, expired: false })).toBe('permanent');
    expect(expiryState({ expiresAt: '2030-01-01T00:00:00Z', expired: false })).toBe('active');
    expect(expiryState({ expiresAt: '2020-01-01T00:00:00Z', expired: true })).toBe('expired');
  });

  it('labels episodes S01E05', () => {
    expect(episodeLabel({ season: 1, episode: 5 })).toBe('S01E05');
    expect(episodeLabel({ season: null, episode: null })).toBe('');
  });
});
