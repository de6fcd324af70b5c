import { initTRPC, TRPCError } from '@trpc/server';
import type { TPermission } from '@portal/rules';
import { authorise, findBadString, invalid, toSafeError, type RequestContext } from './core/index.js';

/** What a procedure declares about itself; the security walk test reads it. */
export interface ProcedureMeta {
  /** The permission of PERMISSIONS that the caller needs, or 'public' (login, the server's date). */
  permission: TPermission | 'public';
}

const t = initTRPC
  .context<RequestContext>()
  .meta<ProcedureMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error }) {
      // The cause is a DomainError or a ZodError (both safe to describe) or nothing: mapErrors
      // never passes an unexpected error on.
      const safe = error.cause ? toSafeError(error.cause) : null;
      return {
        message: shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          fieldErrors: safe?.fieldErrors ?? null,
          field: safe?.field ?? null,
          meta: safe?.meta ?? null,
        },
      };
    },
  });

/** The message tRPC gives the error it throws when a resolver's answer fails its `.output()` schema. */
const OUTPUT_VALIDATION_FAILED = 'Output validation failed';

/** Maps every error through the one table of core/errors; anything unexpected becomes INTERNAL. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const { error } = result;
    // tRPC's own refusals (bad method, unparsable body) pass as they are; everything a resolver or
    // an input schema threw is mapped, so no stack trace or SQL reaches the response.
    if (error.cause !== undefined || error.code === 'INTERNAL_SERVER_ERROR') {
      // A response that does not match its `.output()` schema is the server's bug, not the caller's
      // input: it must answer 系统内部错误 (and be logged), never describe the zod issues of the output.
      const isOutputError = error.code === 'INTERNAL_SERVER_ERROR' && error.message === OUTPUT_VALIDATION_FAILED;
      const original = isOutputError ? error : (error.cause ?? error);
      const safe = toSafeError(original, ctx.log);
      const describable = safe.kind !== 'internal' ? original : undefined;
      throw new TRPCError({ code: safe.trpcCode, message: safe.message, cause: describable });
    }
  }
  return result;
});

/**
 * The string rule of the HTTP edge for every procedure's raw input, so that a call from inside the
 * process (a job, a test's caller) is refused with 400 too instead of failing in the database.
 */
const refuseBadStrings = t.middleware(async ({ getRawInput, next }) => {
  const problem = findBadString(await getRawInput());
  if (problem) throw invalid(`输入有误：${problem}`);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Open to anyone (login, logout, the signed-in user, the server's date). */
export const publicProcedure = t.procedure.meta({ permission: 'public' }).use(mapErrors).use(refuseBadStrings);

/**
 * A procedure open to the roles that hold `permission` (PERMISSIONS in packages/rules). The check
 * runs on the server for every call; inside, `ctx.actor` is the signed-in user, never null.
 */
export function procedure(permission: TPermission) {
  return t.procedure
    .meta({ permission })
    .use(mapErrors)
    .use(({ ctx, next }) => next({ ctx: authorise(ctx, permission) }))
    .use(refuseBadStrings);
}
