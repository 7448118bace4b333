import { parsePaging } from '$lib/issues/query';
import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const paging = parsePaging(event.url.searchParams);
  try {
    const { data } = await apiFor(event).GET('/api/deletions', {
      params: { query: { status: 'scheduled', page: paging.page, pageSize: paging.pageSize } },
    });
    return { deletions: data, paging, errorCode: null };
  } catch (error) {
    return { deletions: null, paging, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
