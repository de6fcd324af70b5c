import { initTRPC, TRPCError } from '@trpc/server';
import type { TRole } from '@portal/rules';
import type { RequestContext } from './context.js';
import { DomainError, toTRPCError, unauthorized } from './errors.js';

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

function zodIssuesOf(cause: unknown): ZodLikeIssue[] | null {
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray((cause as { issues: unknown }).issues)) {
    return (cause as { issues: ZodLikeIssue[] }).issues;
  }
  return null;
}

const t = initTRPC.context<RequestContext>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' ? zodIssuesOf(error.cause) : null;
    const fieldErrors = issues?.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) ?? null;
    const field = error.cause instanceof DomainError ? (error.cause.options.field ?? null) : null;
    const meta = error.cause instanceof DomainError ? (error.cause.options.meta ?? null) : null;
    return {
      message: fieldErrors?.length ? `输入有误：${fieldErrors[0]?.message}` : shape.message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors, field, meta },
    };
  },
});

/** Turns domain errors into tRPC codes in one place, and hides anything unexpected. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const { error } = result;
    if (error.cause instanceof DomainError) throw toTRPCError(error.cause);
    if (error.code === 'INTERNAL_SERVER_ERROR') throw toTRPCError(error.cause ?? error, ctx.log);
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw toTRPCError(unauthorized('登录已过期或尚未登录，请重新登录'));
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A procedure open only to the given roles; the check runs on the server for every call. */
export function roleProcedure(...roles: TRole[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: '您的角色无权执行此操作' });
    }
    return next();
  });
}
