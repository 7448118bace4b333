import { parsePaging } from '$lib/issues/query';
import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import type { PageServerLoad } from './$types';

const STATUSES = ['done', 'failed', 'skipped', 'cancelled'] as const;

export const load: PageServerLoad = async (event) => {
  const asked = event.url.searchParams.get('status');
  const status = STATUSES.find((s) => s === asked) ?? null;
  const paging = parsePaging(event.url.searchParams);
  try {
    // `history`: every status but scheduled, paged by the API (the counts stay right on every page).
    const { data } = await apiFor(event).GET('/api/deletions', {
      params: { query: { status: status ?? 'history', page: paging.page, pageSize: paging.pageSize } },
    });
    return { deletions: data, status, paging, errorCode: null };
  } catch (error) {
    return { deletions: null, status, paging, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
