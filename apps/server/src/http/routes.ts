import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../context.js';
import { DomainError, toTRPCError } from '../errors.js';
import { exportLedger } from '../services/ledger/index.js';
import { MAX_UPLOAD_BYTES, previewListUpload } from '../services/lists/index.js';
import { exportSubsidyRun } from '../services/subsidies/index.js';

const STATUS = { not_found: 404, forbidden: 403, unauthorized: 401, conflict: 409, validation: 400, precondition: 412 } as const;

/** Sends a service error as JSON `{ message, field }` with its HTTP status; nothing internal leaks. */
function sendError(reply: FastifyReply, err: unknown, log: (obj: object, msg: string) => void) {
  if (err instanceof DomainError) return reply.code(STATUS[err.kind]).send({ message: err.message, field: err.options.field ?? null });
  if (err instanceof z.ZodError)
    return reply.code(400).send({ message: `输入有误：${err.issues[0]?.message ?? ''}`, field: err.issues[0]?.path.join('.') ?? null });
  return reply.code(500).send({ message: toTRPCError(err, log).message, field: null });
}

const attachment = (name: string) => `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Routes that move files: the list upload takes the raw file as the request body (no base64
 * inflation, a hard size limit), the exports stream .xlsx. Sessions, roles and regions are checked
 * by the same services as tRPC calls.
 */
export async function registerFileRoutes(
  app: FastifyInstance,
  createContext: (opts: { req: FastifyRequest; res: FastifyReply }) => Promise<RequestContext>,
) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: { code?: string; statusCode?: number }, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return reply.code(413).send({ message: '文件超过 20 MB 上限，请分批上传', field: 'file' });
      if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.statusCode === 400)
        return reply.code(400).send({ message: '请求有误：没有收到文件', field: 'file' });
      return sendError(reply, err, (o, m) => app.log.error(o, m));
    });
    scope.post<{ Querystring: Record<string, string> }>('/api/lists/upload', async (req, reply) => {
      const ctx = await createContext({ req, res: reply });
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        const meta = { sourceDepartment: req.query.sourceDepartment, listDate: req.query.listDate, fileName: req.query.fileName };
        return await previewListUpload({ ctx, input: { meta, bytes } });
      } catch (err) {
        return sendError(reply, err, ctx.log);
      }
    });
  });

  /** Streams a workbook: errors before the first byte become JSON, later ones abort the download. */
  async function streamXlsx(
    req: FastifyRequest,
    reply: FastifyReply,
    fileName: string,
    write: (ctx: RequestContext, out: PassThrough) => Promise<unknown>,
  ) {
    const ctx = await createContext({ req, res: reply });
    const out = new PassThrough();
    const done = write(ctx, out).then(
      () => undefined,
      (err: unknown) => err,
    );
    // Wait for either the first bytes or the end (an authorisation error ends before any byte).
    const first = await Promise.race([new Promise((r) => out.once('readable', () => r('data'))), done.then((e) => (e ? 'error' : 'done'))]);
    if (first === 'error') {
      return sendError(reply, await done, ctx.log);
    }
    void done.then((err) => {
      if (err) {
        ctx.log({ err }, 'export failed mid-stream');
        out.destroy(err as Error);
      }
    });
    reply.header('content-type', XLSX).header('content-disposition', attachment(fileName)).header('cache-control', 'no-store');
    return reply.send(out);
  }

  app.get<{ Querystring: { year?: string; orgUnitId?: string } }>('/api/exports/ledger.xlsx', (req, reply) =>
    streamXlsx(req, reply, `综合管理台账-${req.query.year ?? ''}.xlsx`, (ctx, out) =>
      exportLedger({ ctx, input: { year: Number(req.query.year), orgUnitId: req.query.orgUnitId || undefined }, out }),
    ),
  );
  app.get<{ Params: { id: string } }>('/api/exports/subsidy-runs/:id.xlsx', (req, reply) =>
    streamXlsx(req, reply, `参保资助-${req.params.id.slice(0, 8)}.xlsx`, (ctx, out) => {
      if (!z.uuid().safeParse(req.params.id).success) return Promise.reject(new DomainError('not_found', '资助计算记录不存在'));
      return exportSubsidyRun({ ctx, input: { id: req.params.id }, out });
    }),
  );
}
