import { apiFailure, formString } from '$lib/server/actions';
import { requestPasswordReset } from '$lib/server/auth-api';
import { apiFor } from '$lib/server/session';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const email = formString(await event.request.formData(), 'email');
    try {
      await requestPasswordReset(apiFor(event), email);
    } catch (error) {
      return apiFailure(error, event.locals.locale, { email });
    }
    // The same answer whether or not the account exists, so the form cannot be used to probe emails.
    return { sent: true as const, email };
  },
};
