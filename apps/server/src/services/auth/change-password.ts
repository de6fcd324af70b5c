import { and, eq, ne, sessions, users } from '@portal/db';
import { ZChangePasswordInput } from '@portal/rules';
import { hashPassword, verifyPassword } from '../../lib/password.js';
import { type ActorContext, DomainError, writeAudit } from '../../core/index.js';

/** Changes the caller's password and ends their other sessions. */
export async function changePassword({ ctx, input }: { ctx: ActorContext; input: unknown }) {
  const me = ctx.actor;
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
