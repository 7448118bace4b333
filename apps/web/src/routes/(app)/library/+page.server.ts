import { LibraryPage } from '@mj/contracts';
import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import { libraryApiPath, parseLibraryView } from '$lib/issues/library-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const view = parseLibraryView(event.url.searchParams);
  try {
    const { data } = await apiFor(event).get(libraryApiPath(view), LibraryPage);
    return { view, result: data, errorCode: null };
  } catch (error) {
    return { view, result: null, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
