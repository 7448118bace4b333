import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    const { data } = await apiFor(event).GET('/api/recent');
    return { recent: data, errorCode: null };
  } catch (error) {
    return { recent: null, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
