import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n';
import { THEME_COOKIE, parseTheme, safeRedirectPath } from '$lib/preferences';
import { formString } from '$lib/server/actions';
import { webConfig } from '$lib/server/env';
import type { Actions, PageServerLoad } from './$types';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const load: PageServerLoad = () => {
  redirect(303, '/');
};

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const data = await request.formData();
    // Not secrets, but only the server reads them: httpOnly costs nothing.
    const options = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: webConfig().secureCookies,
      maxAge: ONE_YEAR_SECONDS,
    } as const;
    const locale = formString(data, 'locale');
    if (isLocale(locale)) cookies.set(LOCALE_COOKIE, locale, options);
    cookies.set(THEME_COOKIE, parseTheme(formString(data, 'theme')), options);
    redirect(303, safeRedirectPath(formString(data, 'redirectTo'), '/'));
  },
};
