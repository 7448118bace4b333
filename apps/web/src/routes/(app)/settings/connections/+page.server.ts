import { apiFor } from '$lib/server/session';
import { connectAction, loadConnections, loadDemo, removeConnectionAction } from '$lib/settings/connections.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [connections, demo] = await Promise.all([loadConnections(api), loadDemo(api)]);
  return { connections, demo };
};

export const actions: Actions = {
  connect: connectAction,
  remove: removeConnectionAction,
};
