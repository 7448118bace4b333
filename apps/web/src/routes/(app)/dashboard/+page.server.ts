import {
  ConnectionsResponse,
  DashboardResponse,
  DeletionList,
  LibraryPage,
  SpaceHistoryResponse,
  SyncRunsResponse,
  SyncStatusResponse,
} from '@mj/contracts';
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
    const connections = (await api.get('/api/connections', ConnectionsResponse)).data;
    if (!connections.jellyfin.configured) {
      // Until the setup is done (Jellyfin connected) or skipped, the dashboard is the onboarding.
      if (!event.cookies.get(ONBOARDING_DISMISSED_COOKIE)) redirect(303, '/onboarding');
      return { state: 'not_connected' as const };
    }

    const libraryTotal = async (kind: (typeof KINDS)[number], watched: boolean) => {
      const { data } = await api.get(`/api/library?kind=${kind}&watched=${watched}&pageSize=1`, LibraryPage);
      return { count: data.total, sizeBytes: data.totalSizeBytes };
    };
    const [dashboard, status, runs, composition, done, space] = await Promise.all([
      api.get('/api/dashboard', DashboardResponse).then((r) => r.data),
      api.get('/api/sync/status', SyncStatusResponse).then((r) => r.data),
      api.get('/api/sync/runs?limit=30', SyncRunsResponse).then((r) => r.data.items),
      Promise.all(
        KINDS.map(async (kind) => ({
          kind,
          watched: await libraryTotal(kind, true),
          unwatched: await libraryTotal(kind, false),
        })),
      ) satisfies Promise<Composition>,
      // The chart of space reclaimed: the latest done deletions (a failure must not hide the dashboard).
      api
        .get('/api/deletions?status=done&pageSize=200', DeletionList)
        .then((r) => r.data.items)
        .catch(() => []),
      // Space over time: a missing history only hides the chart.
      api
        .get('/api/dashboard/space-history?days=90', SpaceHistoryResponse)
        .then((r) => r.data)
        .catch(() => null),
    ]);
    return { state: 'ready' as const, dashboard, status, runs, composition, done, space };
  } catch (error) {
    if (isRedirect(error)) throw error;
    return { state: 'error' as const, code: error instanceof ApiError ? error.code : 'unknown' };
  }
};
