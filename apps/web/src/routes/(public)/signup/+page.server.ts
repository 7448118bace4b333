import { redirect } from '@sveltejs/kit';
import { apiFailure, formString } from '$lib/server/actions';
import { login, register } from '$lib/server/auth-api';
import { apiFor, storeSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/dashboard');
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const email = formString(data, 'email');
    const password = formString(data, 'password');
    const api = apiFor(event);
    try {
      await register(api, { email, password });
      storeSession(event.cookies, await login(api, { email, password }));
    } catch (error) {
      return apiFailure(
        error,
        event.locals.locale,
        { email },
        {
          conflict: { message: 'apiError.email_taken', field: 'email' },
        },
      );
    }
    // A new account starts with the setup (connect, languages, first sync), not an empty dashboard.
    redirect(303, '/onboarding');
  },
};
