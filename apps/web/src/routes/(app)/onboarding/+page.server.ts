import { fail, redirect } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { proposeAudioLanguages } from '$lib/onboarding/browser-language';
import { isOnboardingStep, onboardingProgress } from '$lib/onboarding/progress';
import { ApiError } from '$lib/server/api-client';
import { describeApiError } from '$lib/server/form-errors';
import { ONBOARDING_LANGUAGES_COOKIE, preferenceCookieOptions } from '$lib/server/cookies';
import { webConfig } from '$lib/server/env';
import { apiFor } from '$lib/server/session';
import { connectAction, loadConnections, loadDemo } from '$lib/settings/connections.server';
import { loadSettings, loadSyncStatus, patchSettings } from '$lib/settings/settings.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [connections, settings, sync, demo] = await Promise.all([
    loadConnections(api),
    loadSettings(api),
    loadSyncStatus(api),
    loadDemo(api),
  ]);
  const requested = event.url.searchParams.get('step');
  const savedLanguages = event.cookies.get(ONBOARDING_LANGUAGES_COOKIE) === '1';
  const audioProposal = proposeAudioLanguages(
    settings.requiredAudioLanguages,
    event.request.headers.get('accept-language'),
    savedLanguages || sync.lastRun !== null,
  );
  const progress = onboardingProgress({
    connections,
    settings,
    sync,
    skippedJellyseerr: requested === 'languages' || requested === 'sync',
    savedLanguages,
  });
  const step = isOnboardingStep(requested) ? requested : progress.current;
  return { connections, settings, sync, demo, progress, step, audioProposal };
};

export const actions: Actions = {
  connect: async (event) => {
    const result = await connectAction(event);
    if ('connected' in result) redirect(303, '/onboarding');
    return result;
  },
  languages: async (event) => {
    const result = await patchSettings(event, 'languages', (data) => ({
      patch: {
        requiredAudioLanguages: data.getAll('requiredAudioLanguages').map(String),
        requiredSubtitleLanguages: data.getAll('requiredSubtitleLanguages').map(String),
        timeZone: String(data.get('timeZone') ?? ''),
      },
      values: { timeZone: String(data.get('timeZone') ?? '') },
    }));
    if ('toast' in result) {
      event.cookies.set(ONBOARDING_LANGUAGES_COOKIE, '1', preferenceCookieOptions(webConfig().secureCookies));
      redirect(303, '/onboarding?step=sync');
    }
    return result;
  },
  sync: async (event) => {
    const t = translator(event.locals.locale);
    try {
      const started = await apiFor(event).POST('/api/sync', { body: {} });
      return { runId: started.data.runId };
    } catch (error) {
      // Already running (e.g. a second tab): show that run's progress instead of an error.
      if (error instanceof ApiError && error.code === 'sync_in_progress') return { runId: null };
      const message =
        error instanceof ApiError && error.code === 'not_connected'
          ? t('sync.notConnected')
          : describeApiError(error, t).message;
      return fail(error instanceof ApiError && error.status < 500 ? error.status : 502, { syncError: message });
    }
  },
};
