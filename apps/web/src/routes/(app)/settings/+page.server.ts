import { onboardingProgress } from '$lib/onboarding/progress';
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
  return { progress: onboardingProgress({ connections, settings, sync, skippedJellyseerr: false }) };
};
