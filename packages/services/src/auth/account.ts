import { deleteTenantAndUser, findUserById } from '@mj/db';
import type { TenantContext } from '../context';
import { unauthorized } from '../errors';
import type { AuthContext } from './auth-context';
import { verifyCurrentPassword } from './current-password';

/** Deletes the tenant and everything it owns, after re-checking the password. */
export async function deleteAccount(ctx: TenantContext & AuthContext, input: { password: string }): Promise<void> {
  const user = await findUserById(ctx.db, ctx.userId);
  if (!user) throw unauthorized('unauthorized', 'Please log in again.');
  await verifyCurrentPassword(ctx, user, input.password, 'password');
  await deleteTenantAndUser(ctx.db, ctx.tenantId, ctx.userId);
  ctx.log.info({ tenantId: ctx.tenantId }, 'account and tenant deleted');
}
