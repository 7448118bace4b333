import { ChannelList, DeliveryList, HouseholdLinkList } from '@mj/contracts';
import { apiFor } from '$lib/server/session';
import { loadSettings } from '$lib/settings/settings.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [channels, deliveries, links, settings] = await Promise.all([
    api.get('/api/notifications/channels', ChannelList),
    api.get('/api/notifications/deliveries?pageSize=20', DeliveryList),
    api.get('/api/household/links', HouseholdLinkList),
    loadSettings(api),
  ]);
  return {
    channels: channels.data.items,
    deliveries: deliveries.data.items,
    links: links.data.items,
    notifyRequesters: settings.notifyRequesters,
  };
};
