import { and, eq, ne, sessions, users } from '@portal/db';
import { ZChangePasswordInput } from '@portal/rules';
import type { ServiceContext } from '../../context.js';
import { DomainError, unauthorized } from '../../errors.js';
import { writeAudit } from '../../lib/audit.js';
import { hashPassword, verifyPassword } from '../../lib/password.js';

/** Changes the caller's password and ends their other sessions. */
export async function changePassword({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  if (!ctx.user) throw unauthorized();
  const me = ctx.user;
  const data = ZChangePasswordInput.parse(input);
  const user = (await ctx.db.select().from(users).where(eq(users.id, me.id)).limit(1))[0];
  if (!user || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new DomainError('validation', '当前密码不正确', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now(), updatedAt: ctx.now() }).where(eq(users.id, me.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, me.id), ne(sessions.id, me.sessionId)));
    await writeAudit(tx, ctx, { action: 'user.change_password', entity: 'user', entityId: me.id });
  });
}
