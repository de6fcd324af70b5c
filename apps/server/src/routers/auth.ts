import { ZChangePasswordInput, ZLoginInput, ZMe, ZOk } from '@portal/rules';
import * as auth from '../services/auth/index.js';
import { procedure, publicProcedure, router } from '../trpc.js';

export const authRouter = router({
  me: publicProcedure.output(ZMe).query(({ ctx }) => {
    if (!ctx.actor) return null;
    const { sessionId: _s, regionPath: _p, ...me } = ctx.actor;
    return me;
  }),
  login: publicProcedure
    .input(ZLoginInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const session = await auth.login({ ctx, input });
      ctx.setSessionCookie(session.token, session.expiresAt);
      return { ok: true as const };
    }),
  logout: publicProcedure.output(ZOk).mutation(async ({ ctx }) => {
    await auth.logout({ ctx, token: ctx.sessionToken });
    ctx.clearSessionCookie();
    return { ok: true as const };
  }),
  changePassword: procedure('session.use')
    .input(ZChangePasswordInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await auth.changePassword({ ctx, input });
      return { ok: true as const };
    }),
});
