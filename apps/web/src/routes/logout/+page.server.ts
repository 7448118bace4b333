import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/auth-api';
import { REFRESH_COOKIE } from '$lib/server/cookies';
import { apiFor, clearSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST only; a GET (a link, a prefetch) just goes home.
export const load: PageServerLoad = () => {
  redirect(303, '/');
};

export const actions: Actions = {
  default: async (event) => {
    try {
      await logout(apiFor(event), event.cookies.get(REFRESH_COOKIE));
    } catch {
      // Best effort: the cookies go away whatever the API says, and the refresh token expires on its own.
    }
    clearSession(event.cookies);
    redirect(303, '/');
  },
};
