import type { SyncStatusResponse } from '@mj/contracts';
import type { MessageKey, Translate } from '$lib/i18n';

type Progress = SyncStatusResponse['progress'];
type LastRun = NonNullable<SyncStatusResponse['lastRun']>;

/** The bar's fill in percent, or null when the step has no known total (an indeterminate bar). */
export function progressPercent(progress: Progress): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((progress.done / progress.total) * 100)));
}

// The worker reports its steps in English; the known ones are translated, anything new is shown as sent.
const STEPS: ReadonlyArray<[RegExp, MessageKey, (m: RegExpMatchArray) => Record<string, string>]> = [
  [
    /^Fetching watch history: user (\d+) of (\d+)$/,
    'syncPanel.step.watchHistory',
    (m) => ({ index: m[1]!, total: m[2]! }),
  ],
  [/^Connecting to Jellyfin$/, 'syncPanel.step.connecting', () => ({})],
  [/^Fetching users and libraries$/, 'syncPanel.step.users', () => ({})],
  [/^Fetching movies$/i, 'syncPanel.step.movies', () => ({})],
  [/^Fetching series$/i, 'syncPanel.step.series', () => ({})],
  [/^Fetching episodes$/i, 'syncPanel.step.episodes', () => ({})],
  [/^Fetching Jellyseerr requests$/, 'syncPanel.step.requests', () => ({})],
  [/^Looking up titles and release dates$/, 'syncPanel.step.enrichment', () => ({})],
  [/^Saving$/, 'syncPanel.step.saving', () => ({})],
  [/^Analysing$/, 'syncPanel.step.analysing', () => ({})],
];

export function describeStep(step: string | null, t: Translate): string {
  if (!step) return t('syncPanel.step.waiting');
  for (const [pattern, key, params] of STEPS) {
    const match = step.match(pattern);
    if (match) return t(key, params(match));
  }
  return step;
}

/** The last run in plain words: what happened and what it means for the numbers shown. */
export function describeLastRun(run: LastRun, t: Translate): { tone: 'success' | 'warning' | 'error'; text: string } {
  if (run.status === 'success') return { tone: 'success', text: t('syncPanel.result.success') };
  const reason = run.error ?? t('syncPanel.result.noReason');
  if (run.status === 'partial') return { tone: 'warning', text: t('syncPanel.result.partial', { reason }) };
  return { tone: 'error', text: t('syncPanel.result.failed', { reason }) };
}

/** A shrink-guard failure can be overridden by the user (RULES.md §8). */
export function isShrinkFailure(run: LastRun | null): boolean {
  return run?.status === 'failed' && /library shrank/i.test(run.error ?? '');
}

export type SyncPhase = 'idle' | 'active' | 'success' | 'partial' | 'failed';

/**
 * What the sync panel shows. A run started by this page is "active" until a finished run with its id (or
 * a newer one) is reported, so a stale `lastRun` from before does not read as this run's result.
 */
export function syncPhase(
  status: Pick<SyncStatusResponse, 'state' | 'runId' | 'lastRun'>,
  startedRunId: string | null,
): SyncPhase {
  if (status.state !== 'idle') return 'active';
  const last = status.lastRun;
  if (!last) return startedRunId ? 'active' : 'idle';
  if (startedRunId && last.id !== startedRunId) return 'active';
  return last.status;
}

/** Parses one `event: status` payload; null for anything that is not a status object. */
export function parseStatusEvent(
  data: string,
  parse: (value: unknown) => SyncStatusResponse | null,
): SyncStatusResponse | null {
  try {
    return parse(JSON.parse(data));
  } catch {
    return null;
  }
}
