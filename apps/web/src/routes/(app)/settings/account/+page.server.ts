import { redirect } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { apiFailure, formString } from '$lib/server/actions';
import { ApiError } from '$lib/server/api-client';
import { apiFor, clearSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  tokens: (await apiFor(event).GET('/api/tokens')).data.items,
});

export const actions: Actions = {
  password: async (event) => {
    const data = await event.request.formData();
    const body = { currentPassword: formString(data, 'currentPassword'), newPassword: formString(data, 'newPassword') };
    try {
      await apiFor(event).POST('/api/auth/password/change', { body });
    } catch (error) {
      return apiFailure(error, event.locals.locale, { section: 'password' });
    }
    return { toast: translator(event.locals.locale)('account.passwordChanged') };
  },
  logoutAll: async (event) => {
    try {
      await apiFor(event).POST('/api/auth/logout-all');
    } catch (error) {
      return apiFailure(error, event.locals.locale, { section: 'sessions' });
    }
    clearSession(event.cookies);
    redirect(303, '/login');
  },
  createToken: async (event) => {
    const data = await event.request.formData();
    const name = formString(data, 'name');
    const scope = formString(data, 'scope') === 'write' ? 'write' : 'read';
    // "never" or a number of days from now; the API refuses anything else.
    const days = Number(formString(data, 'expiresInDays'));
    const expiresAt = Number.isInteger(days) && days > 0 ? Date.now() + days * 86_400_000 : null;
    try {
      const created = await apiFor(event).POST('/api/tokens', { body: { name, scope, expiresAt } });
      return { createdToken: created.data.token, toast: translator(event.locals.locale)('account.tokenCreated') };
    } catch (error) {
      return apiFailure(error, event.locals.locale, { section: 'tokens', name });
    }
  },
  revokeToken: async (event) => {
    const data = await event.request.formData();
    const id = formString(data, 'id');
    if (!id)
      return apiFailure(
        new ApiError(400, 'invalid', translator(event.locals.locale)('apiError.unknown')),
        event.locals.locale,
        { section: 'tokens' },
      );
    try {
      await apiFor(event).DELETE('/api/tokens/{id}', { params: { path: { id } } });
    } catch (error) {
      return apiFailure(error, event.locals.locale, { section: 'tokens' });
    }
    return { toast: translator(event.locals.locale)('account.tokenRevoked') };
  },
  deleteAccount: async (event) => {
    const data = await event.request.formData();
    try {
      await apiFor(event).DELETE('/api/account', { body: { password: formString(data, 'password') } });
    } catch (error) {
      return apiFailure(error, event.locals.locale, { section: 'delete' });
    }
    clearSession(event.cookies);
    redirect(303, '/');
  },
};
