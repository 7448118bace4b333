import { redirect } from '@sveltejs/kit';
import { ONBOARDING_DISMISSED_COOKIE, preferenceCookieOptions } from '$lib/server/cookies';
import { webConfig } from '$lib/server/env';
import type { RequestHandler } from './$types';

/** "Skip the setup for now": the dashboard stops sending this browser to the onboarding. */
export const POST: RequestHandler = ({ cookies }) => {
  cookies.set(ONBOARDING_DISMISSED_COOKIE, '1', preferenceCookieOptions(webConfig().secureCookies));
  redirect(303, '/dashboard');
};
