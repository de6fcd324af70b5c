import { eq, sessions } from '@portal/db';
import { hashToken } from './session.js';
import { forgetSession, forgetSessionsOf } from './session-cache.js';
import { type ServiceContext, writeAudit, withTransaction } from '../../core/index.js';

/** Ends the current session (the row is deleted, so the cookie is useless even if kept). */
export async function logout({ ctx, token }: { ctx: ServiceContext; token: string | null }) {
  if (!token) return;
  if (ctx.actor) forgetSessionsOf(ctx.actor.id);
  else forgetSession(hashToken(token));
  await withTransaction(ctx, async (ctx) => {
    await ctx.db.delete(sessions).where(eq(sessions.id, hashToken(token)));
    if (ctx.actor) await writeAudit(ctx, { action: 'auth.logout', entity: 'user', entityId: ctx.actor.id });
  });
}
