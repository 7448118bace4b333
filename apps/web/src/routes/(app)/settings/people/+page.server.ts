import { loadPeople, savePeople } from '$lib/people/people.server';
import { apiFor } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => loadPeople(apiFor(event));

export const actions: Actions = { save: savePeople };
