import type { FastifyInstance, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { makeContextFactory, type AppDeps } from '../context.js';
import { DomainError, toTRPCError } from '../errors.js';
import { exportRollupXlsx, exportTablePdf, exportTableXlsx } from '../services/responsibility/index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS: Record<DomainError['kind'], number> = {
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  conflict: 409,
  validation: 400,
  precondition: 412,
};

/**
 * File downloads of the responsibility tables. They are plain GET routes (not tRPC) so the browser
 * downloads them natively; the same session cookie, services and region checks apply.
 */
export function registerResponsibilityExports(app: FastifyInstance, deps: AppDeps) {
  const createContext = makeContextFactory(deps);
  const send = async (reply: FastifyReply, type: string, run: () => Promise<{ filename: string; body: Buffer }>) => {
    try {
      const file = await run();
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'no-store')
        .send(file.body);
    } catch (err) {
      if (err instanceof DomainError) return reply.code(STATUS[err.kind]).type('text/plain; charset=utf-8').send(err.message);
      if (err instanceof ZodError) return reply.code(400).type('text/plain; charset=utf-8').send('请求参数有误');
      const safe = toTRPCError(err, (obj, msg) => app.log.error(obj, msg));
      return reply.code(500).type('text/plain; charset=utf-8').send(safe.message);
    }
  };
  const withCtx = async (req: Parameters<typeof createContext>[0]['req'], reply: FastifyReply) => {
    const ctx = await createContext({ req, res: reply });
    if (!ctx.user) throw new DomainError('unauthorized', '登录已过期或尚未登录，请重新登录');
    return ctx;
  };
  app.get<{ Params: { id: string } }>('/api/responsibility/submissions/:id/table.xlsx', (req, reply) =>
    send(reply, XLSX, async () => exportTableXlsx({ ctx: await withCtx(req, reply), input: { id: req.params.id } })),
  );
  app.get<{ Params: { id: string } }>('/api/responsibility/submissions/:id/table.pdf', (req, reply) =>
    send(reply, 'application/pdf', async () => exportTablePdf({ ctx: await withCtx(req, reply), input: { id: req.params.id } })),
  );
  app.get<{ Params: { id: string } }>('/api/responsibility/rounds/:id/rollup.xlsx', (req, reply) =>
    send(reply, XLSX, async () => exportRollupXlsx({ ctx: await withCtx(req, reply), input: { id: req.params.id } })),
  );
}
