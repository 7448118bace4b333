import { redirect } from '@sveltejs/kit';
import { ONBOARDING_DISMISSED_COOKIE } from '$lib/server/cookies';
import { webConfig } from '$lib/server/env';
import type { RequestHandler } from './$types';

/** "Skip the setup for now": the dashboard stops sending this browser to the onboarding. */
export const POST: RequestHandler = ({ cookies }) => {
  cookies.set(ONBOARDING_DISMISSED_COOKIE, '1', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: webConfig().secureCookies,
    maxAge: 365 * 24 * 60 * 60,
  });
  redirect(303, '/dashboard');
};
