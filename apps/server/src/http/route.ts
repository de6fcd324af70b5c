import type { TPermission } from '@portal/rules';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorise, toSafeError, type ActorContext, type RequestContext } from '../core/index.js';

export type ContextFactory = (opts: { req: FastifyRequest; res: FastifyReply }) => Promise<RequestContext>;

/** Every plain HTTP route with the permission it declares (the security walk test reads this). */
export const HTTP_ROUTES: { method: string; url: string; permission: TPermission }[] = [];

/** Sends any error as JSON `{ message, field }` with its status; nothing internal leaks. */
export function sendError(reply: FastifyReply, error: unknown, log: (obj: object, msg: string) => void) {
  const safe = toSafeError(error, log);
  return reply.code(safe.status).header('cache-control', 'no-store').send({ message: safe.message, field: safe.field });
}

/**
 * Registers a plain HTTP route (downloads, uploads) the way tRPC procedures are declared: one
 * permission, the same session and region checks, the same error → status table.
 */
export function registerRoute<P = Record<string, string>, Q = Record<string, string | undefined>>(
  app: FastifyInstance,
  createContext: ContextFactory,
  spec: {
    method: 'GET' | 'POST';
    url: string;
    permission: TPermission;
    handler: (
      ctx: RequestContext & ActorContext,
      req: FastifyRequest<{ Params: P; Querystring: Q }>,
      reply: FastifyReply,
    ) => Promise<unknown>;
  },
) {
  HTTP_ROUTES.push({ method: spec.method, url: spec.url, permission: spec.permission });
  app.route<{ Params: P; Querystring: Q }>({
    method: spec.method,
    url: spec.url,
    handler: async (req, reply) => {
      const ctx = await createContext({ req, res: reply });
      try {
        return await spec.handler(authorise(ctx, spec.permission), req, reply);
      } catch (error) {
        return sendError(reply, error, ctx.log);
      }
    },
  });
}
