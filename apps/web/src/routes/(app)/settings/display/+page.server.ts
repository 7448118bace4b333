import { THEME_COOKIE, parseTheme } from '$lib/preferences';
import { preferenceCookieOptions } from '$lib/server/cookies';
import { webConfig } from '$lib/server/env';
import { apiFor } from '$lib/server/session';
import { loadSettings, patchSettings } from '$lib/settings/settings.server';
import { echoValues, formNumber } from '$lib/settings/threshold-fields';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['theme', 'titleLanguage', 'timeZone', 'recentDays', 'syncHour', 'digestDay', 'digestHour'];

export const load: PageServerLoad = async (event) => ({ settings: await loadSettings(apiFor(event)) });

export const actions: Actions = {
  display: async (event) => {
    const result = await patchSettings(event, 'display', (data) => ({
      patch: {
        theme: parseTheme(String(data.get('theme') ?? '')),
        titleLanguage: String(data.get('titleLanguage') ?? '').trim(),
        timeZone: String(data.get('timeZone') ?? '').trim(),
        recentDays: formNumber(String(data.get('recentDays') ?? '')),
        syncHour: formNumber(String(data.get('syncHour') ?? '')),
        digestDay: formNumber(String(data.get('digestDay') ?? '')),
        digestHour: formNumber(String(data.get('digestHour') ?? '')),
        // An unchecked checkbox is absent from the form: that is its "false".
        preSyncRefresh: data.get('preSyncRefresh') === 'on',
      },
      values: echoValues(data, FIELDS),
    }));
    // The stored theme is the account's; the cookie makes this browser follow it right away.
    if ('settings' in result) {
      const options = preferenceCookieOptions(webConfig().secureCookies);
      event.cookies.set(THEME_COOKIE, parseTheme(result.settings.theme), options);
    }
    return result;
  },
};
