import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

const ZFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int('PORT 必须是整数').min(1).max(65535).default(3000),
  /** Loopback by default: put a reverse proxy with HTTPS in front to serve a network (README). */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** A streaming replica of DATABASE_URL: boards, reports and exports read there (docs/scaling.md). */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL 必须以 postgres:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** PostgreSQL connections for window work, and the separate ones for reports. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(8),
  DB_REPORT_POOL_MAX: z.coerce.number().int().min(1).max(50).default(3),
  /** PostgreSQL cancels a statement of window work, or of a report, running longer than this. */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  REPORT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  PGLITE_DIR: z.string().default(resolve(REPO_ROOT, '.data/pglite')),
  /** A session ends after this long without a request… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and at the latest this long after sign-in. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 7)
    .default(12),
  /** Default: true in production, false otherwise (plain http://localhost in development). */
  COOKIE_SECURE: ZFlag.optional(),
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs,
   * e.g. `127.0.0.1,10.0.0.0/8`). Empty: the client address is the socket's, never a header's.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Sign-in attempts per minute from one address (all accounts together). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Write the log to this file instead of standard output (the e2e run scans it for personal data). */
  LOG_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * One "incoming request" and one "request completed" line per request at level info. Off by
   * default: at a few thousand requests a second they cost more than the requests; errors are
   * logged either way.
   */
  LOG_REQUESTS: ZFlag.default(false),
  /** Default: true except in production, where demo data (published passwords) is refused. */
  SEED_DEMO: ZFlag.optional(),
  WEB_DIST: z.string().default(resolve(REPO_ROOT, 'apps/web/dist')),
  /** A CJK font file for PDFs; by default Debian's fonts-noto-cjk. */
  FONT_CJK: z.string().optional(),
  /** Lets end-to-end tests set the server's date through POST /__test__/clock. Never in production. */
  ALLOW_TEST_CLOCK: ZFlag.default(false),
});

type ParsedEnv = z.infer<typeof ZEnv>;
export type Env = Omit<ParsedEnv, 'COOKIE_SECURE' | 'SEED_DEMO'> & { COOKIE_SECURE: boolean; SEED_DEMO: boolean };

/** Parses the environment once; a bad value stops start-up with the list of problems. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误 (invalid environment):\n${lines.join('\n')}`);
  }
  const production = parsed.data.NODE_ENV === 'production';
  const env: Env = {
    ...parsed.data,
    COOKIE_SECURE: parsed.data.COOKIE_SECURE ?? production,
    SEED_DEMO: parsed.data.SEED_DEMO ?? !production,
  };
  const problems: string[] = [];
  if (env.DATABASE_READ_URL && !env.DATABASE_URL) problems.push('DATABASE_READ_URL 需要同时设置 DATABASE_URL（只读副本属于该主库）');
  if (production && env.ALLOW_TEST_CLOCK) problems.push('生产环境不能启用 ALLOW_TEST_CLOCK');
  if (production && env.SEED_DEMO) problems.push('生产环境不能写入演示数据（SEED_DEMO=true）：演示账号的密码是公开的');
  if (problems.length) throw new Error(`环境变量配置有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return env;
}

export { REPO_ROOT };
