import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Env } from '../env.js';
import { findBadString } from '../core/index.js';
import { redactError, redactText } from '../lib/redact.js';

/** The header the web client sends with every API call; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-portal-request';

/** Content types a cross-site HTML form can send without a preflight: never accepted by the API. */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

const isApi = (url: string) => url.startsWith('/trpc') || url.startsWith('/api/');
const isLogin = (req: FastifyRequest) => req.url.startsWith('/trpc') && req.url.split('?')[0]!.includes('auth.login');

/**
 * pino options: cookies and credentials redacted by path, and every logged error and URL passed
 * through the personal-data masks (ID numbers, phones, bank accounts); database errors lose their
 * parameters. A test scans the whole e2e run's log for unmasked values.
 */
export function loggerOptions(env: Env): FastifyServerOptions['logger'] {
  return {
    level: env.LOG_LEVEL,
    ...(env.LOG_FILE ? { file: env.LOG_FILE } : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.passwordHash'],
      censor: '[已屏蔽]',
    },
    serializers: {
      err: (err: unknown) => redactError(err),
      req: (req: FastifyRequest) => ({ method: req.method, url: redactText(req.url), remoteAddress: req.ip }),
    },
  };
}

/**
 * Security headers (CSP without inline scripts, frame-ancestors none, nosniff, Referrer-Policy,
 * HSTS when the cookie is Secure), `Cache-Control: no-store` on every API answer, the CSRF rule
 * for mutations and uploads, and a per-address rate limit on sign-in.
 */
export async function registerSecurity(app: FastifyInstance, env: Env) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables in style attributes and one <style> element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: env.COOKIE_SECURE ? [] : null,
      },
    },
    strictTransportSecurity: env.COOKIE_SECURE ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isApi(req.url) || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const type = req.headers['content-type'] ?? '';
    if (FORM_TYPES.test(type) && !req.url.startsWith('/api/lists/upload')) {
      return reply.code(415).header('cache-control', 'no-store').send({ message: '请求格式不受支持', field: null });
    }
    if (!isSameOrigin(req)) {
      return reply.code(403).header('cache-control', 'no-store').send({ message: '请求来源不可信，请刷新页面后重试', field: null });
    }
  });

  // One string rule at the edge: no NUL and no lone surrogate anywhere in a request (they break
  // JSON columns and text search, and no form can type them). 400, before any service runs.
  app.addHook('preHandler', async (req, reply) => {
    if (!isApi(req.url)) return;
    const query = req.query as Record<string, unknown>;
    // tRPC GET calls carry their input as JSON in ?input=: look inside it too.
    let input: unknown = null;
    if (typeof query.input === 'string') {
      try {
        input = JSON.parse(query.input);
      } catch {
        input = null;
      }
    }
    const bad = findBadString(req.body) ?? findBadString(query) ?? findBadString(input) ?? findBadString(req.params);
    if (bad === null) return;
    const message = `输入有误：${bad}`;
    reply.code(400).header('cache-control', 'no-store');
    if (req.url.startsWith('/trpc')) {
      const one = {
        error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, fieldErrors: null, field: null, meta: null } },
      };
      return reply.send((req.query as Record<string, string>).batch ? [one] : one);
    }
    return reply.send({ message, field: null });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (isApi(req.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: env.LOGIN_RATE_PER_MINUTE,
    timeWindow: '1 minute',
    allowList: (req) => !isLogin(req),
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, context) =>
      Object.assign(new Error(`登录尝试过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`), { statusCode: 429 }),
  });
  // The limit answers in tRPC's error shape, so that the sign-in form shows the message.
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err.statusCode === 429 && req.url.startsWith('/trpc')) {
      const one = { error: { message: err.message, code: -32029, data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 } } };
      return reply
        .code(429)
        .header('cache-control', 'no-store')
        .send((req.query as Record<string, string>).batch ? [one] : one);
    }
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ message: err.message, field: null });
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ message: '系统内部错误，请稍后重试', field: null });
  });
}

/**
 * A mutation is accepted when it proves it comes from our own pages: the web client's custom
 * header (a cross-site form or image cannot send one without a CORS preflight, which the server
 * never grants), or the browser's own Sec-Fetch-Site / Origin saying same-origin.
 */
function isSameOrigin(req: FastifyRequest): boolean {
  if (req.headers[CSRF_HEADER] === '1') return true;
  const site = req.headers['sec-fetch-site'];
  if (site === 'same-origin') return true;
  const origin = req.headers.origin;
  if (!origin || site === 'cross-site' || site === 'same-site') return false;
  try {
    const from = new URL(origin);
    return from.host === new URL(`${from.protocol}//${req.headers.host ?? ''}`).host;
  } catch {
    return false;
  }
}
