import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import { loadSettings } from '$lib/settings/settings.server';
import { issuesApiQuery, parseIssuesView } from '$lib/issues/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.depends('mj:issues');
  const view = parseIssuesView(event.url.searchParams);
  const api = apiFor(event);
  // Dates are shown in the tenant's zone; without its settings they fall back to UTC rather than fail.
  const timeZone = loadSettings(api).then(
    (settings) => settings.timeZone,
    () => 'UTC',
  );
  try {
    const { data } = await api.GET('/api/issues', { params: { query: issuesApiQuery(view) } });
    return { view, result: data, errorCode: null, timeZone: await timeZone };
  } catch (error) {
    return {
      view,
      result: null,
      errorCode: error instanceof ApiError ? error.code : 'unknown',
      timeZone: await timeZone,
    };
  }
};
