import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import { loadSettings } from '$lib/settings/settings.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.depends('mj:title');
  const api = apiFor(event);
  const timeZone = loadSettings(api).then(
    (settings) => settings.timeZone,
    () => 'UTC',
  );
  try {
    const { data } = await api.GET('/api/items/{id}', { params: { path: { id: event.params.id } } });
    return { detail: data, errorCode: null, timeZone: await timeZone };
  } catch (error) {
    return { detail: null, errorCode: error instanceof ApiError ? error.code : 'unknown', timeZone: await timeZone };
  }
};
