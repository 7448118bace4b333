import { fail, type RequestEvent } from '@sveltejs/kit';
import type { SettingsResponse, SyncStatusResponse } from '@mj/contracts';
import { translator, type MessageKey } from '$lib/i18n';
import { ApiError, type ApiClient, type ApiBody } from '$lib/server/api-client';
import { describeApiError, failureStatus } from '$lib/server/form-errors';
import { apiFor } from '$lib/server/session';
import { settingsFieldErrors } from './settings-errors';
import type { SettingsFailure } from './settings-failure';

export type { SettingsFailure };

export async function loadSettings(api: ApiClient): Promise<SettingsResponse> {
  return (await api.GET('/api/settings')).data;
}

export async function loadSyncStatus(api: ApiClient): Promise<SyncStatusResponse> {
  return (await api.GET('/api/sync/status')).data;
}

/** The body of `PATCH /api/settings`: every field optional. */
export type SettingsPatch = ApiBody<'/api/settings', 'patch'>;

/**
 * PATCHes the settings built from the posted form. `section` names the form on the page so only that
 * form shows the errors; `values` echoes the typed values so a rejected number is not replaced.
 */
export async function patchSettings(
  event: RequestEvent,
  section: string,
  build: (data: FormData) => { patch: Record<string, unknown>; values: Record<string, string> },
  toast: MessageKey = 'settings.saved',
) {
  const t = translator(event.locals.locale);
  const data = await event.request.formData();
  const { patch, values } = build(data);
  try {
    // Not `SettingsPatch`: a field the user mistyped is sent as typed, so the API's 400 names that field.
    const saved = await apiFor(event).PATCH('/api/settings', { body: patch as SettingsPatch });
    return { section, toast: t(toast), settings: saved.data };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const described = describeApiError(error, t);
    const failure: SettingsFailure = {
      section,
      message: described.message,
      fieldErrors: settingsFieldErrors(error.details, t),
      values,
    };
    return fail(failureStatus(error), { settingsFailure: failure });
  }
}
