import type { z } from 'zod';
import { and, eq, ne, sessions, users } from '@portal/db';
import { type ZChangePasswordInput } from '@portal/rules';
import { hashPassword, verifyPassword } from '../../lib/password.js';
import { forgetSessionsOf } from './session-cache.js';
import { type ActorContext, DomainError, writeAudit, withTransaction } from '../../core/index.js';

/** Changes the caller's password, clears a must-change or demo flag, and ends their other sessions. */
export async function changePassword({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZChangePasswordInput> }) {
  const me = ctx.actor;
  const data = input;
  const user = (await ctx.db.select().from(users).where(eq(users.id, me.id)).limit(1))[0];
  if (!user || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new DomainError('validation', '当前密码不正确', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(data.newPassword);
  // The current session's copy says "must change password" too: drop it with the others.
  forgetSessionsOf(me.id);
  await withTransaction(ctx, async (ctx) => {
    await ctx.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.now(), updatedAt: ctx.now(), mustChangePassword: false, hasDemoPassword: false })
      .where(eq(users.id, me.id));
    await ctx.db.delete(sessions).where(and(eq(sessions.userId, me.id), ne(sessions.id, me.sessionId)));
    await writeAudit(ctx, { action: 'user.change_password', entity: 'user', entityId: me.id });
  });
}
