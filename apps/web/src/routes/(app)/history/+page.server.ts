import { ApiError } from '$lib/server/api-client';
import { apiFor } from '$lib/server/session';
import type { PageServerLoad } from './$types';

const STATUSES = ['done', 'failed', 'skipped', 'cancelled'] as const;

export const load: PageServerLoad = async (event) => {
  const asked = event.url.searchParams.get('status');
  const status = STATUSES.find((s) => s === asked) ?? null;
  try {
    const { data } = await apiFor(event).GET('/api/deletions', {
      params: { query: { ...(status ? { status } : {}), pageSize: 200 } },
    });
    return {
      deletions: { ...data, items: data.items.filter((d) => d.status !== 'scheduled') },
      status,
      errorCode: null,
    };
  } catch (error) {
    return { deletions: null, status, errorCode: error instanceof ApiError ? error.code : 'unknown' };
  }
};
