import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    const { data } = await apiFor(event).GET('/api/deletions', {
      params: { query: { status: 'scheduled', pageSize: 200 } },
    });
    return { deletions: data, errorCode: null };
  } catch (error) {
    return { deletions: null, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
