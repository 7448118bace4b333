import { fail, type RequestEvent } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { ApiError, type ApiClient } from '$lib/server/api-client';
import { describeApiError } from '$lib/server/form-errors';
import { apiFor } from '$lib/server/session';
import { loadSettings } from '$lib/settings/settings.server';
import { includedLibrariesFromForm, libraryChoices } from './library-choice';
import { peopleRows, peopleSubmission } from './people-form';

export async function loadPeople(api: ApiClient) {
  const [nicknames, settings] = await Promise.all([api.GET('/api/nicknames'), loadSettings(api)]);
  return { people: peopleRows(nicknames.data.items, settings.excludedUsers) };
}

async function loadLibraryState(api: ApiClient) {
  const [libraries, settings] = await Promise.all([api.GET('/api/media-libraries'), loadSettings(api)]);
  return { libraries: libraries.data.items, included: settings.includedLibraries };
}

export async function loadLibraries(api: ApiClient) {
  const { libraries, included } = await loadLibraryState(api);
  return { libraries: libraryChoices(libraries, included), usingDefault: included === null };
}

function failure(error: unknown, event: RequestEvent) {
  const described = describeApiError(error, translator(event.locals.locale));
  const status = error instanceof ApiError && error.status >= 400 && error.status < 500 ? error.status : 502;
  return fail(status, { error: described.message });
}

/** Saves names and counted users; the settings are read fresh so ids not on the page keep their state. */
export async function savePeople(event: RequestEvent) {
  const t = translator(event.locals.locale);
  const api = apiFor(event);
  const data = await event.request.formData();
  try {
    const settings = await loadSettings(api);
    const { nicknames, excludedUsers } = peopleSubmission(data, settings.excludedUsers);
    await api.PUT('/api/nicknames', { body: { items: nicknames } });
    await api.PATCH('/api/settings', { body: { excludedUsers } });
    return { toast: t('people.saved') };
  } catch (error) {
    return failure(error, event);
  }
}

export async function saveLibraries(event: RequestEvent) {
  const t = translator(event.locals.locale);
  const api = apiFor(event);
  const ticked = (await event.request.formData()).getAll('library').map(String);
  try {
    const { libraries, included } = await loadLibraryState(api);
    const choice = includedLibrariesFromForm(ticked, libraries, included);
    if ('error' in choice) return fail(400, { error: t('libraries.noneSelected') });
    await api.PATCH('/api/settings', { body: { includedLibraries: choice.included } });
    return { toast: t('libraries.saved') };
  } catch (error) {
    return failure(error, event);
  }
}

export async function useDefaultLibraries(event: RequestEvent) {
  const t = translator(event.locals.locale);
  try {
    await apiFor(event).PATCH('/api/settings', { body: { includedLibraries: null } });
    return { toast: t('libraries.defaultRestored') };
  } catch (error) {
    return failure(error, event);
  }
}
