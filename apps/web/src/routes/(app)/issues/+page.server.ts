import { loadViewPage } from '$lib/server/view-page';
import { issuesApiQuery, parseIssuesView } from '$lib/issues/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.depends('mj:issues');
  const view = parseIssuesView(event.url.searchParams);
  return loadViewPage(event, view, (api) => api.GET('/api/issues', { params: { query: issuesApiQuery(view) } }));
};
