import { deleteTenantAndUser, findUserById } from '@mj/db';
import type { TenantContext } from '../context';
import { invalid, unauthorized } from '../errors';
import type { AuthContext } from './auth-context';

/** Deletes the tenant and everything it owns, after re-checking the password. */
export async function deleteAccount(ctx: TenantContext & AuthContext, input: { password: string }): Promise<void> {
  const user = await findUserById(ctx.db, ctx.userId);
  if (!user) throw unauthorized('unauthorized', 'Please log in again.');
  if (!(await ctx.auth.hasher.verify(input.password, user.passwordHash))) {
    throw invalid('wrong_password', 'The password is wrong.', [
      { field: 'password', message: 'the password is wrong' },
    ]);
  }
  await deleteTenantAndUser(ctx.db, ctx.tenantId, ctx.userId);
  ctx.log.info({ tenantId: ctx.tenantId }, 'account and tenant deleted');
}
