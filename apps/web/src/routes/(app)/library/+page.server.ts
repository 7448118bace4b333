import { loadViewPage } from '$lib/server/view-page';
import { libraryApiQuery, parseLibraryView } from '$lib/issues/library-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const view = parseLibraryView(event.url.searchParams);
  return loadViewPage(event, view, (api) => api.GET('/api/library', { params: { query: libraryApiQuery(view) } }));
};
