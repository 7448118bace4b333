import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { pageCount, pagingHref, parsePaging } from '$lib/issues/query';
import { formString } from '$lib/server/actions';
import { ApiError } from '$lib/server/api-client';
import { describeApiError } from '$lib/server/form-errors';
import { apiFor } from '$lib/server/session';
import { expiryFromDateInput, isWhitelistType } from '$lib/whitelists/whitelist-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const requested = event.url.searchParams.get('type');
  const type = isWhitelistType(requested) ? requested : 'content';
  const paging = parsePaging(event.url.searchParams);
  // One request: the type's page, and `counts` for every tab.
  const { data: list } = await apiFor(event).GET('/api/whitelists/{type}', {
    params: { path: { type }, query: { page: paging.page, pageSize: paging.pageSize } },
  });
  // Removing the last entry of the last page (or an old bookmark) lands past the end: show the last page.
  const pages = pageCount(list.total, paging.pageSize);
  if (paging.page > pages) redirect(303, pagingHref(event.url, { ...paging, page: pages }));
  return { type, list, paging };
};

function target(data: FormData) {
  const type = formString(data, 'type');
  const id = formString(data, 'id');
  return isWhitelistType(type) && id ? { type, id } : null;
}

function entryFailure(event: RequestEvent, error: unknown) {
  const t = translator(event.locals.locale);
  const status = error instanceof ApiError && error.status < 500 ? error.status : 502;
  return fail(status, { entryError: describeApiError(error, t).message });
}

export const actions: Actions = {
  expiry: async (event) => {
    const data = await event.request.formData();
    const entry = target(data);
    const t = translator(event.locals.locale);
    if (!entry) return fail(400, { entryError: t('apiError.unknown') });
    try {
      await apiFor(event).PATCH('/api/whitelists/{type}/{id}', {
        params: { path: entry },
        body: { expiresAt: expiryFromDateInput(formString(data, 'expiresAt')) },
      });
      return { toast: t('wl.expiryChanged') };
    } catch (error) {
      return entryFailure(event, error);
    }
  },
  remove: async (event) => {
    const data = await event.request.formData();
    const entry = target(data);
    const t = translator(event.locals.locale);
    if (!entry) return fail(400, { entryError: t('apiError.unknown') });
    try {
      await apiFor(event).DELETE('/api/whitelists/{type}/{id}', { params: { path: entry } });
      return { toast: t('wl.removed') };
    } catch (error) {
      return entryFailure(event, error);
    }
  },
  import: async (event) => {
    const data = await event.request.formData();
    const t = translator(event.locals.locale);
    const type = formString(data, 'type');
    const text = formString(data, 'text');
    const confirm = formString(data, 'confirm') === 'true';
    if (!isWhitelistType(type)) return fail(400, { importError: t('apiError.unknown'), text });
    try {
      const result = await apiFor(event).POST('/api/whitelists/{type}/import', {
        params: { path: { type } },
        body: { text, confirm },
      });
      if (confirm) return { toast: t('wl.imported', { count: result.data.saved?.length ?? 0 }) };
      return { preview: result.data, text };
    } catch (error) {
      const status = error instanceof ApiError && error.status < 500 ? error.status : 502;
      return fail(status, { importError: describeApiError(error, t).message, text });
    }
  },
};
