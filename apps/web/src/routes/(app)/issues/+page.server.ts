import { IssuesPage } from '@mj/contracts';
import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import { issuesApiPath, parseIssuesView } from '$lib/issues/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.depends('mj:issues');
  const view = parseIssuesView(event.url.searchParams);
  try {
    const { data } = await apiFor(event).get(issuesApiPath(view), IssuesPage);
    return { view, result: data, errorCode: null };
  } catch (error) {
    return { view, result: null, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
