import { fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { describeApiError } from '$lib/server/form-errors';
import { apiFor } from '$lib/server/session';
import { loadSettings, patchSettings } from '$lib/settings/settings.server';
import { THRESHOLD_FIELDS, echoValues, thresholdPatch } from '$lib/settings/threshold-fields';
import type { Actions, PageServerLoad } from './$types';

const THRESHOLD_BOOLEANS = ['showUnreleasedRequests'];

export const load: PageServerLoad = async (event) => ({ settings: await loadSettings(apiFor(event)) });

export const actions: Actions = {
  thresholds: (event) =>
    patchSettings(event, 'thresholds', (data) => ({
      patch: thresholdPatch(data, THRESHOLD_FIELDS, THRESHOLD_BOOLEANS),
      values: echoValues(data, THRESHOLD_FIELDS),
    })),
  languages: (event) =>
    patchSettings(event, 'languages', (data) => ({
      patch: {
        requiredAudioLanguages: data.getAll('requiredAudioLanguages').map(String),
        requiredSubtitleLanguages: data.getAll('requiredSubtitleLanguages').map(String),
        countForcedSubtitles: data.get('countForcedSubtitles') === 'on',
      },
      values: {},
    })),
  reset: async (event) => {
    const t = translator(event.locals.locale);
    try {
      await apiFor(event).POST('/api/settings/reset');
      return { toast: t('settings.resetDone') };
    } catch (error) {
      return fail(502, { resetError: describeApiError(error, t).message });
    }
  },
};
