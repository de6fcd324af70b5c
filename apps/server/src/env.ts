import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int('PORT 必须是整数').min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().default(resolve(REPO_ROOT, '.data/pglite')),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  WEB_DIST: z.string().default(resolve(REPO_ROOT, 'apps/web/dist')),
  /** A CJK font file for PDFs; by default Debian's fonts-noto-cjk. */
  FONT_CJK: z.string().optional(),
  /** Lets end-to-end tests set the server's date through POST /__test__/clock. Never in production. */
  ALLOW_TEST_CLOCK: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof ZEnv>;

/** Parses the environment once; a bad value stops start-up with the list of problems. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误 (invalid environment):\n${lines.join('\n')}`);
  }
  if (parsed.data.ALLOW_TEST_CLOCK && parsed.data.NODE_ENV === 'production') {
    throw new Error('环境变量配置有误：生产环境不能启用 ALLOW_TEST_CLOCK');
  }
  return parsed.data;
}

export { REPO_ROOT };
