import { isRedirect, redirect } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api-client';
import { ONBOARDING_DISMISSED_COOKIE } from '$lib/server/cookies';
import { apiFor } from '$lib/server/session';
import type { Composition } from '$lib/dashboard/composition';
import type { PageServerLoad } from './$types';

const KINDS = ['movie', 'series'] as const;

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  event.depends('mj:dashboard');
  try {
    const connections = (await api.GET('/api/connections')).data;
    if (!connections.jellyfin.configured) {
      // Until the setup is done (Jellyfin connected) or skipped, the dashboard is the onboarding.
      if (!event.cookies.get(ONBOARDING_DISMISSED_COOKIE)) redirect(303, '/onboarding');
      return { state: 'not_connected' as const };
    }

    const libraryTotal = async (kind: (typeof KINDS)[number], watched: boolean) => {
      const { data } = await api.GET('/api/library', {
        params: { query: { kind, watched: watched ? 'true' : 'false', pageSize: 1 } },
      });
      return { count: data.total, sizeBytes: data.totalSizeBytes };
    };
    const [dashboard, status, runs, composition, done, space] = await Promise.all([
      api.GET('/api/dashboard').then((r) => r.data),
      api.GET('/api/sync/status').then((r) => r.data),
      api.GET('/api/sync/runs', { params: { query: { limit: 30 } } }).then((r) => r.data.items),
      Promise.all(
        KINDS.map(async (kind) => ({
          kind,
          watched: await libraryTotal(kind, true),
          unwatched: await libraryTotal(kind, false),
        })),
      ) satisfies Promise<Composition>,
      // The chart of space reclaimed: the latest done deletions (a failure must not hide the dashboard).
      api
        .GET('/api/deletions', { params: { query: { status: 'done', pageSize: 200 } } })
        .then((r) => r.data.items)
        .catch(() => []),
      // Space over time: a missing history only hides the chart.
      api
        .GET('/api/dashboard/space-history', { params: { query: { days: 90 } } })
        .then((r) => r.data)
        .catch(() => null),
    ]);
    return { state: 'ready' as const, dashboard, status, runs, composition, done, space };
  } catch (error) {
    if (isRedirect(error)) throw error;
    return { state: 'error' as const, code: error instanceof ApiError ? error.code : 'unknown' };
  }
};
