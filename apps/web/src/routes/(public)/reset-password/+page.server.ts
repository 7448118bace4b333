import { redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { apiFailure, formString } from '$lib/server/actions';
import { confirmPasswordReset } from '$lib/server/auth-api';
import { apiFor } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const token = formString(data, 'token');
    try {
      await confirmPasswordReset(apiFor(event), token, formString(data, 'password'));
    } catch (error) {
      const failure = apiFailure(error, event.locals.locale, {});
      // A malformed token fails validation on the `token` field; to the user it is just a bad link.
      if (failure.data.fieldErrors.token) {
        delete failure.data.fieldErrors.token;
        failure.data.code = 'invalid_token';
        failure.data.message = translate(event.locals.locale, 'apiError.invalid_token');
      }
      return failure;
    }
    redirect(303, '/login?reset=1');
  },
};
