import { error, fail } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

// The household page (RULES §10): public, no account, no app chrome. Everything comes from the
// public API with the link's token; a revoked or expired link is a 404.

export const load: PageServerLoad = async (event) => {
  try {
    const res = await apiFor(event).GET('/api/public/household/{token}', {
      params: { path: { token: event.params.token } },
    });
    return { page: res.data, token: event.params.token };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, 'This link does not exist or no longer works.');
    throw e;
  }
};

export const actions: Actions = {
  keep: async (event) => {
    const form = await event.request.formData();
    const deletionId = String(form.get('deletionId') ?? '');
    const name = String(form.get('name') ?? '').trim();
    if (!name) return fail(400, { deletionId, missingName: true });
    try {
      await apiFor(event).POST('/api/public/household/{token}/keep', {
        params: { path: { token: event.params.token } },
        body: { deletionId, name },
      });
    } catch (e) {
      if (e instanceof ApiError) return fail(e.status, { deletionId, failed: true, status: e.status });
      throw e;
    }
    return { keptId: deletionId };
  },
};
