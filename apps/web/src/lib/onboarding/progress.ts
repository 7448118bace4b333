import type { ConnectionState, SettingsResponse, SyncStatusResponse } from '@mj/contracts';

export const ONBOARDING_STEPS = ['jellyfin', 'jellyseerr', 'languages', 'sync'] as const;
export type OnboardingStepId = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingStep {
  id: OnboardingStepId;
  done: boolean;
  optional: boolean;
}

export interface OnboardingProgress {
  steps: OnboardingStep[];
  /** Required steps done (the optional Jellyseerr step counts when done). */
  completed: number;
  total: number;
  /** The first step that still needs the user, or null when onboarding is finished. */
  current: OnboardingStepId | null;
  finished: boolean;
}

export interface OnboardingFacts {
  connections: { jellyfin: ConnectionState; jellyseerr: ConnectionState };
  settings: Pick<SettingsResponse, 'timeZone'>;
  sync: Pick<SyncStatusResponse, 'state' | 'lastRun'>;
  /** The user moved past the optional Jellyseerr step without connecting it. */
  skippedJellyseerr: boolean;
  /**
   * The language step was saved in this browser (a cookie set by its action): a household that really
   * lives in UTC keeps the default zone, so the zone alone cannot tell that the step was done.
   */
  savedLanguages?: boolean;
}

/**
 * Where the user stands, derived from the server's state rather than stored: a finished sync means the
 * language step was seen (it comes before), and a time zone other than the UTC default means it was saved.
 */
export function onboardingProgress(facts: OnboardingFacts): OnboardingProgress {
  const synced = facts.sync.lastRun !== null || facts.sync.state !== 'idle';
  const jellyfin = facts.connections.jellyfin.configured;
  const jellyseerr = facts.connections.jellyseerr.configured;
  const steps: OnboardingStep[] = [
    { id: 'jellyfin', done: jellyfin, optional: false },
    { id: 'jellyseerr', done: jellyseerr, optional: true },
    {
      id: 'languages',
      done: synced || facts.savedLanguages === true || facts.settings.timeZone !== 'UTC',
      optional: false,
    },
    { id: 'sync', done: facts.sync.lastRun !== null, optional: false },
  ];
  const passed = (step: OnboardingStep) =>
    step.done || (step.id === 'jellyseerr' && (facts.skippedJellyseerr || synced));
  const current = steps.find((step) => !passed(step))?.id ?? null;
  return {
    steps,
    completed: steps.filter((step) => step.done).length,
    total: steps.length,
    current,
    finished: current === null,
  };
}

export function isOnboardingStep(value: string | null): value is OnboardingStepId {
  return value !== null && (ONBOARDING_STEPS as readonly string[]).includes(value);
}
