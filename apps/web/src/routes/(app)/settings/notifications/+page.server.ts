import { apiFor } from '$lib/server/session';
import { loadSettings } from '$lib/settings/settings.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [channels, deliveries, links, settings] = await Promise.all([
    api.GET('/api/notifications/channels'),
    api.GET('/api/notifications/deliveries', { params: { query: { pageSize: 20 } } }),
    api.GET('/api/household/links'),
    loadSettings(api),
  ]);
  return {
    channels: channels.data.items,
    deliveries: deliveries.data.items,
    links: links.data.items,
    notifyRequesters: settings.notifyRequesters,
  };
};
