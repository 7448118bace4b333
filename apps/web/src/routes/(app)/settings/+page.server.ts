import { onboardingProgress } from '$lib/onboarding/progress';
import { ONBOARDING_LANGUAGES_COOKIE } from '$lib/server/cookies';
import { apiFor } from '$lib/server/session';
import { loadConnections } from '$lib/settings/connections.server';
import { loadSettings, loadSyncStatus } from '$lib/settings/settings.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [connections, settings, sync] = await Promise.all([
    loadConnections(api),
    loadSettings(api),
    loadSyncStatus(api),
  ]);
  const savedLanguages = event.cookies.get(ONBOARDING_LANGUAGES_COOKIE) === '1';
  return { progress: onboardingProgress({ connections, settings, sync, skippedJellyseerr: false, savedLanguages }) };
};
