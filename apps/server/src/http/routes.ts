import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ZDashboardInput, ZLedgerFilter } from '@portal/rules';
import { z } from 'zod';
import { preconditionFailed, type RequestContext } from '../core/index.js';
import { findCjkFont } from '../lib/fonts.js';
import { importCalendarYear } from '../services/calendar/index.js';
import { getClaim } from '../services/claims/index.js';
import { exportDashboard } from '../services/dashboards/index.js';
import { exportLedger } from '../services/ledger/index.js';
import { MAX_UPLOAD_BYTES, previewListUpload } from '../services/lists/index.js';
import { readAttachment } from '../services/reimbursements/index.js';
import { exportRollupXlsx, exportTablePdf, exportTableXlsx } from '../services/responsibility/index.js';
import { exportSubsidyRun } from '../services/subsidies/index.js';
import { registerRoute, sendError, type ContextFactory } from './route.js';
import { renderSlipPdf } from './slip-pdf.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZId = z.uuid('记录编号格式不正确');

/** `Content-Disposition` for a download with a Chinese file name (RFC 6266 / 5987). */
const disposition = (kind: 'attachment' | 'inline', name: string) =>
  `${kind}; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;

function sendFile(
  reply: FastifyReply,
  type: string,
  file: { filename: string; body: Buffer },
  kind: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .header('content-type', type)
    .header('content-disposition', disposition(kind, file.filename))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

/**
 * Streams a workbook: an error before the first byte (authorisation, a bad filter) answers as JSON
 * with its status; a later one aborts the download.
 */
async function streamXlsx(reply: FastifyReply, ctx: RequestContext, fileName: string, write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  const done = write(out).then(
    () => undefined,
    (err: unknown) => err,
  );
  const first = await Promise.race([new Promise((r) => out.once('readable', () => r('data'))), done.then((e) => (e ? 'error' : 'done'))]);
  if (first === 'error') return sendError(reply, await done, ctx.log);
  void done.then((err) => {
    if (err) {
      ctx.log({ err }, 'export failed mid-stream');
      out.destroy(err as Error);
    }
  });
  reply.header('content-type', XLSX).header('content-disposition', disposition('attachment', fileName)).header('cache-control', 'no-store');
  return reply.send(out);
}

/**
 * Routes that move files (downloads, the list upload, the slip PDF, scanned materials). Each
 * declares one permission and runs the same services, region checks and error table as tRPC.
 */
export async function registerFileRoutes(app: FastifyInstance, createContext: ContextFactory) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: { code?: string; statusCode?: number }, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return reply.code(413).send({ message: '文件超过 20 MB 上限，请分批上传', field: 'file' });
      if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.statusCode === 400)
        return reply.code(400).send({ message: '请求有误：没有收到文件', field: 'file' });
      return sendError(reply, err, (o, m) => app.log.error(o, m));
    });
    registerRoute<Record<string, string>, Record<string, string | undefined>>(scope, createContext, {
      method: 'POST',
      url: '/api/lists/upload',
      permission: 'lists.write',
      handler: (ctx, req) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const meta = { sourceDepartment: req.query.sourceDepartment, listDate: req.query.listDate, fileName: req.query.fileName };
        return previewListUpload({ ctx, input: { meta, bytes } });
      },
    });
    registerRoute<Record<string, string>, Record<string, string | undefined>>(scope, createContext, {
      method: 'POST',
      url: '/api/calendar/import',
      permission: 'calendar.write',
      handler: (ctx, req) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { year, fileName, source } = req.query;
        return importCalendarYear({ ctx, input: { year, fileName, source, bytes } });
      },
    });
  });

  registerRoute<Record<string, string>, { year?: string; orgUnitId?: string }>(app, createContext, {
    method: 'GET',
    url: '/api/exports/ledger.xlsx',
    permission: 'ledger.read',
    handler: (ctx, req, reply) =>
      streamXlsx(reply, ctx, `综合管理台账-${req.query.year ?? ''}.xlsx`, (out) =>
        exportLedger({
          ctx,
          input: ZLedgerFilter.parse({ year: Number(req.query.year), orgUnitId: req.query.orgUnitId || undefined }),
          out,
        }),
      ),
  });

  registerRoute<Record<string, string>, { year?: string; orgUnitId?: string }>(app, createContext, {
    method: 'GET',
    url: '/api/exports/dashboard.xlsx',
    permission: 'dashboards.read',
    handler: (ctx, req, reply) => {
      const input = ZDashboardInput.parse({
        year: req.query.year ? Number(req.query.year) : undefined,
        orgUnitId: req.query.orgUnitId || undefined,
      });
      return streamXlsx(reply, ctx, `监管看板-${input.year ?? ''}.xlsx`, (out) => exportDashboard({ ctx, input, out }));
    },
  });

  registerRoute<{ id: string }>(app, createContext, {
    method: 'GET',
    url: '/api/exports/subsidy-runs/:id.xlsx',
    permission: 'subsidies.read',
    handler: (ctx, req, reply) => {
      const id = ZId.parse(req.params.id);
      return streamXlsx(reply, ctx, `参保资助-${id.slice(0, 8)}.xlsx`, (out) => exportSubsidyRun({ ctx, input: { id }, out }));
    },
  });

  registerRoute<{ id: string }>(app, createContext, {
    method: 'GET',
    url: '/api/claims/:id/slip.pdf',
    permission: 'claims.read',
    handler: async (ctx, req, reply) => {
      const claim = await getClaim({ ctx, input: { id: ZId.parse(req.params.id) } });
      const font = findCjkFont();
      if (!font) throw preconditionFailed('服务器未安装中文字体（fonts-noto-cjk），无法生成 PDF，请使用“打印”另存为 PDF');
      reply.header('content-type', 'application/pdf').header('content-disposition', disposition('inline', `${claim.claimNo}.pdf`));
      return reply.send(renderSlipPdf(claim.slip, font));
    },
  });

  registerRoute<{ id: string }>(app, createContext, {
    method: 'GET',
    url: '/api/reimbursements/attachments/:id',
    permission: 'reimbursements.read',
    handler: async (ctx, req, reply) => {
      const file = await readAttachment({ ctx, input: { id: ZId.parse(req.params.id) } });
      return sendFile(reply, file.contentType, { filename: file.fileName, body: file.data }, 'inline');
    },
  });

  registerRoute<{ id: string }>(app, createContext, {
    method: 'GET',
    url: '/api/responsibility/submissions/:id/table.xlsx',
    permission: 'responsibility.read',
    handler: async (ctx, req, reply) => sendFile(reply, XLSX, await exportTableXlsx({ ctx, input: { id: ZId.parse(req.params.id) } })),
  });
  registerRoute<{ id: string }>(app, createContext, {
    method: 'GET',
    url: '/api/responsibility/submissions/:id/table.pdf',
    permission: 'responsibility.read',
    handler: async (ctx, req, reply) =>
      sendFile(reply, 'application/pdf', await exportTablePdf({ ctx, input: { id: ZId.parse(req.params.id) } })),
  });
  registerRoute<{ id: string }>(app, createContext, {
    method: 'GET',
    url: '/api/responsibility/rounds/:id/rollup.xlsx',
    permission: 'responsibility.supervise',
    handler: async (ctx, req, reply) => sendFile(reply, XLSX, await exportRollupXlsx({ ctx, input: { id: ZId.parse(req.params.id) } })),
  });
}
