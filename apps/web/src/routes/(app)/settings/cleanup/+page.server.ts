import { apiFor } from '$lib/server/session';
import { loadSettings, patchSettings } from '$lib/settings/settings.server';
import { echoValues, formNumber } from '$lib/settings/threshold-fields';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['leavingSoonDays', 'leavingSoonCollectionName', 'maxDeletionGiBPerDay'];

export const load: PageServerLoad = async (event) => ({ settings: await loadSettings(apiFor(event)) });

export const actions: Actions = {
  cleanup: (event) =>
    patchSettings(event, 'cleanup', (data) => ({
      patch: {
        leavingSoonDays: formNumber(String(data.get('leavingSoonDays') ?? '')),
        leavingSoonCollectionName: String(data.get('leavingSoonCollectionName') ?? '').trim(),
        maxDeletionGiBPerDay: formNumber(String(data.get('maxDeletionGiBPerDay') ?? '')),
        // An unchecked checkbox is absent from the form: that is its "false".
        leavingSoonCollection: data.get('leavingSoonCollection') === 'on',
        allowJellyfinDelete: data.get('allowJellyfinDelete') === 'on',
        clearJellyseerrMedia: data.get('clearJellyseerrMedia') === 'on',
        autoSchedule: data.get('autoSchedule') === 'on',
        cleanupPaused: data.get('cleanupPaused') === 'on',
      },
      values: echoValues(data, FIELDS),
    })),
};
