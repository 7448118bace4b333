import { loadLibraries, saveLibraries, useDefaultLibraries } from '$lib/people/people.server';
import { apiFor } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => loadLibraries(apiFor(event));

export const actions: Actions = { save: saveLibraries, useDefault: useDefaultLibraries };
