import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/preferences';
import { apiFailure, formString } from '$lib/server/actions';
import { login } from '$lib/server/auth-api';
import { apiFor, storeSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeRedirectPath(url.searchParams.get('next'), '/dashboard');
  if (locals.user) redirect(303, next);
  return { next, passwordReset: url.searchParams.has('reset') };
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const email = formString(data, 'email');
    const password = formString(data, 'password');
    try {
      storeSession(event.cookies, await login(apiFor(event), { email, password }));
    } catch (error) {
      return apiFailure(error, event.locals.locale, { email });
    }
    redirect(303, safeRedirectPath(formString(data, 'next'), '/dashboard'));
  },
};
