import { DeletionList } from '@mj/contracts';
import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    const { data } = await apiFor(event).get('/api/deletions?status=scheduled&pageSize=200', DeletionList);
    return { deletions: data, errorCode: null };
  } catch (error) {
    return { deletions: null, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
