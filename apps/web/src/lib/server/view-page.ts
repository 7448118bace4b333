import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import { loadSettings } from '$lib/settings/settings.server';

type Api = ReturnType<typeof apiFor>;

/**
 * The data of a page showing one API answer for a view read from the address (Issues, Library): the
 * answer, or the error code when it failed, with the tenant's time zone for the dates.
 */
export async function loadViewPage<View, Result>(
  event: Parameters<typeof apiFor>[0],
  view: View,
  get: (api: Api) => Promise<{ data: Result }>,
) {
  const api = apiFor(event);
  // Dates are shown in the tenant's zone; without its settings they fall back to UTC rather than fail.
  const timeZone = loadSettings(api).then(
    (settings) => settings.timeZone,
    () => 'UTC',
  );
  try {
    const { data } = await get(api);
    return { view, result: data, errorCode: null, timeZone: await timeZone };
  } catch (error) {
    return {
      view,
      result: null,
      errorCode: error instanceof ApiError ? error.code : 'unknown',
      timeZone: await timeZone,
    };
  }
}
