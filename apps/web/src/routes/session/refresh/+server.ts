import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Client-side fetches to `/api/*` answer 401 once the short-lived access cookie has expired. The hook has
 * already run `resolveSession` for this request, which renews the access cookie from the refresh cookie
 * (the response carries the new `Set-Cookie`), so all that is left is to say whether it worked.
 */
export const POST: RequestHandler = ({ locals }) => {
  if (!locals.user) error(401, 'session expired');
  return new Response(null, { status: 204 });
};
