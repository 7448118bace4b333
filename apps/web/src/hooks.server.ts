import type { Handle } from '@sveltejs/kit';
import { LOCALE_COOKIE, negotiateLocale } from '$lib/i18n';
import { THEME_COOKIE, parseTheme } from '$lib/preferences';
import { resolveSession } from '$lib/server/session';

export const handle: Handle = async ({ event, resolve }) => {
  const locale = negotiateLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
  const theme = parseTheme(event.cookies.get(THEME_COOKIE));
  event.locals.locale = locale;
  event.locals.theme = theme;
  await resolveSession(event);

  const response = await resolve(event, {
    // The <html> attributes are rendered on the server so the first paint has the right language and theme.
    transformPageChunk: ({ html }) => html.replace('%mj.lang%', locale).replace('%mj.theme%', theme),
  });
  // Pages show per-user data: never let a shared cache keep them.
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
  response.headers.set('vary', 'Cookie, Accept-Language');
  return response;
};
