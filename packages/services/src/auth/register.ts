import { createUserWithTenant, findUserByEmail, newId } from '@mj/db';
import { conflict, forbidden } from '../errors';
import type { AuthContext, AuthUser } from './auth-context';

/** Creates an account and the tenant it owns. `email` arrives trimmed and lower-cased by the contract. */
export async function register(ctx: AuthContext, input: { email: string; password: string }): Promise<AuthUser> {
  if (!ctx.auth.signupsEnabled) throw forbidden('signups_disabled', 'Sign-ups are disabled on this server.');
  const taken = () => conflict('email_taken', 'An account with this email already exists.');
  if (await findUserByEmail(ctx.db, input.email)) throw taken();
  const passwordHash = await ctx.auth.hasher.hash(input.password);
  const now = ctx.clock.now();
  const user = { userId: newId(now), tenantId: newId(now), email: input.email, passwordHash, now };
  try {
    await createUserWithTenant(ctx.db, user);
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (await findUserByEmail(ctx.db, input.email)) throw taken();
    throw error;
  }
  ctx.log.info({ userId: user.userId, tenantId: user.tenantId }, 'account registered');
  return { id: user.userId, email: user.email, tenantId: user.tenantId };
}
