import { ZChangePasswordInput, ZLoginInput } from '@portal/rules';
import { z } from 'zod';
import * as auth from '../services/auth/index.js';
import { procedure, publicProcedure, router } from '../trpc.js';

const ZMe = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['clerk', 'reviewer', 'supervisor', 'admin']),
    orgUnitId: z.string(),
    orgUnitName: z.string(),
    orgUnitCode: z.string(),
    orgLevel: z.string(),
    profile: z.string().nullable(),
    mustChangePassword: z.boolean(),
    canExportFull: z.boolean(),
  })
  .nullable();

export const authRouter = router({
  me: publicProcedure.output(ZMe).query(({ ctx }) => {
    if (!ctx.actor) return null;
    const { sessionId: _s, regionPath: _p, ...me } = ctx.actor;
    return me;
  }),
  login: publicProcedure
    .input(ZLoginInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const session = await auth.login({ ctx, input });
      ctx.setSessionCookie(session.token, session.expiresAt);
      return { ok: true as const };
    }),
  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await auth.logout({ ctx, token: ctx.sessionToken });
    ctx.clearSessionCookie();
    return { ok: true as const };
  }),
  changePassword: procedure('session.use')
    .input(ZChangePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await auth.changePassword({ ctx, input });
      return { ok: true as const };
    }),
});
