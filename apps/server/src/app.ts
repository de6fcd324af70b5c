import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify from 'fastify';
import { sql } from '@portal/db';
import { makeContextFactory, type AppDeps } from './context.js';
import { chinaDate, createClock } from './lib/clock.js';
import { registerFileRoutes } from './http/routes.js';
import { registerResponsibilityExports } from './http/responsibility-exports.js';
import { appRouter, type AppRouter } from './root.js';
import { renderSlipPdf } from './http/slip-pdf.js';
import { configureCjkFont, findCjkFont } from './lib/fonts.js';
import { getClaim } from './services/claims/index.js';
import { readAttachment } from './services/reimbursements/index.js';
import { toTRPCError } from './errors.js';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/** Builds the HTTP server: tRPC under /trpc, /healthz, and the built web app with SPA fallback. */
export async function buildApp(options: AppDeps & { logger?: boolean | object }) {
  const deps = { ...options, clock: options.clock ?? createClock() };
  configureCjkFont(deps.env.FONT_CJK);
  const app = Fastify({
    logger: options.logger ?? { level: deps.env.LOG_LEVEL },
    routerOptions: { maxParamLength: 5000 },
    // A 10 MB scan travels as base64 (4/3 of its size) inside a tRPC call.
    bodyLimit: 15 * 1024 * 1024,
    trustProxy: true,
  });
  await app.register(fastifyCookie);
  const contextFactory = makeContextFactory(deps);
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory,
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error.cause ?? error, path }, 'trpc error');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await registerFileRoutes(app, contextFactory);

  if (deps.env.ALLOW_TEST_CLOCK) {
    app.post<{ Body: { now?: string | null } }>('/__test__/clock', async (req, reply) => {
      const value = req.body?.now;
      const instant = value ? new Date(value) : null;
      if (instant && Number.isNaN(instant.getTime())) return reply.code(400).send({ error: 'bad date' });
      deps.clock.set(instant);
      return { now: deps.clock.now().toISOString(), today: chinaDate(deps.clock.now()) };
    });
  }

  const createContext = makeContextFactory(deps);
  app.get<{ Params: { id: string } }>('/api/claims/:id/slip.pdf', async (req, reply) => {
    const ctx = await createContext({ req, res: reply });
    try {
      const claim = await getClaim({ ctx, input: { id: req.params.id } });
      const font = findCjkFont();
      if (!font)
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('服务器未安装中文字体（fonts-noto-cjk），无法生成 PDF，请使用“打印”另存为 PDF');
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="${claim.claimNo}.pdf"`);
      return reply.send(renderSlipPdf(claim.slip, font));
    } catch (error) {
      const trpcError = toTRPCError(error, (o, m) => req.log.error(o, m));
      return reply.code(getHTTPStatusCodeFromError(trpcError)).type('text/plain; charset=utf-8').send(trpcError.message);
    }
  });

  app.get<{ Params: { id: string } }>('/api/reimbursements/attachments/:id', async (req, reply) => {
    const ctx = await createContext({ req, res: reply });
    try {
      const file = await readAttachment({ ctx, input: { id: req.params.id } });
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(file.data);
    } catch (error) {
      const trpcError = toTRPCError(error, (o, m) => req.log.error(o, m));
      return reply.code(getHTTPStatusCodeFromError(trpcError)).type('text/plain; charset=utf-8').send(trpcError.message);
    }
  });

  registerResponsibilityExports(app, deps);

  app.get('/healthz', async (_req, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ok', database: 'ok' };
    } catch (err) {
      app.log.error({ err }, 'health check failed');
      return reply.code(503).send({ status: 'error', database: 'unreachable' });
    }
  });

  const dist = deps.env.WEB_DIST;
  if (existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/trpc') && !req.url.startsWith('/api')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'Not Found' });
    });
  } else {
    app.log.warn({ dist }, 'web app not built; serving API only');
  }
  return app;
}
