import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController } from 'fastify';
import { sql } from '@portal/db';
import { makeContextFactory, type AppDeps } from './context.js';
import { registerFileRoutes } from './http/routes.js';
import { appRouter, type AppRouter } from './root.js';
import { configureCjkFont } from './lib/fonts.js';
import { redactError } from './lib/redact.js';
import { loggerOptions, registerSecurity } from './http/security.js';
import { chinaDate, createClock } from './core/index.js';

/** A built web asset whose file name holds its content hash (Vite writes them to assets/). */
const isHashedAsset = (path: string) => path.includes(`${sep}assets${sep}`);

/** Builds the HTTP server: tRPC under /trpc, /healthz, and the built web app with SPA fallback. */
export async function buildApp(options: AppDeps & { logger?: boolean | object }) {
  const deps = { ...options, clock: options.clock ?? createClock() };
  configureCjkFont(deps.env.FONT_CJK);
  const app = Fastify({
    logger: options.logger ?? loggerOptions(deps.env),
    // Without LOG_REQUESTS only errors and start-up reach the log (our error handlers log the errors).
    logController: new LogController({ disableRequestLogging: !deps.env.LOG_REQUESTS }),
    routerOptions: { maxParamLength: 5000 },
    // A 10 MB scan travels as base64 (4/3 of its size) inside a tRPC call.
    bodyLimit: 15 * 1024 * 1024,
    // X-Forwarded-For is believed only from the configured proxies; otherwise the audited address
    // is the socket's and no client can forge it.
    trustProxy: deps.env.TRUST_PROXY.length ? deps.env.TRUST_PROXY : false,
  });
  await app.register(fastifyCookie);
  await registerSecurity(app, deps.env);
  const contextFactory = makeContextFactory(deps);
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory,
      // The web sends queries by POST so that search terms (names, ID numbers) never sit in a URL.
      allowMethodOverride: true,
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: redactError(error.cause ?? error), path }, 'trpc error');
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
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each file (apps/web/precompress.ts): sent as they are,
      // never compressed per request (decision 0010).
      preCompressed: true,
      // Files under assets/ carry a content hash in their name, so a release never changes one:
      // cached for a year. index.html names the current ones and is revalidated on every visit.
      setHeaders(reply, path) {
        reply.header('cache-control', isHashedAsset(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
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
