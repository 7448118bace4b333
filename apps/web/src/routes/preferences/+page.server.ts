import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n';
import { THEME_COOKIE, parseTheme, safeRedirectPath } from '$lib/preferences';
import { formString } from '$lib/server/actions';
import { preferenceCookieOptions } from '$lib/server/cookies';
import { webConfig } from '$lib/server/env';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
  redirect(303, '/');
};

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const data = await request.formData();
    const options = preferenceCookieOptions(webConfig().secureCookies);
    const locale = formString(data, 'locale');
    if (isLocale(locale)) cookies.set(LOCALE_COOKIE, locale, options);
    cookies.set(THEME_COOKIE, parseTheme(formString(data, 'theme')), options);
    redirect(303, safeRedirectPath(formString(data, 'redirectTo'), '/'));
  },
};
