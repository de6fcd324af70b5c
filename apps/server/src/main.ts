import { randomBytes } from 'node:crypto';
import { DataDirLockedError, openDb } from '@portal/db';
import { countDemoPasswordAccounts, DEMO_PASSWORD, listDemoAccounts, seedDemo, seedProduction } from '@portal/db/seed';
import { buildApp } from './app.js';
import { loadEnv, type Env } from './env.js';
import { hashPassword } from './lib/password.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * Seeds an empty database: demo data in development and tests; in production only the region
 * tree and one administrator with a one-time password (printed once, to be changed at first
 * sign-in). A production server refuses to start while any account has the published demo password.
 */
async function prepareData(env: Env, db: Parameters<typeof seedDemo>[0]) {
  if (env.NODE_ENV === 'production') {
    const initialPassword = `${randomBytes(9).toString('base64url')}9a`;
    const result = await seedProduction(db, { hashPassword, initialPassword });
    if (result.seeded) {
      console.log(
        `首次启动：已建立 ${result.units} 个机构和系统管理员账号 sysadmin。\n一次性初始密码（只显示这一次，首次登录后须修改）：${initialPassword}`,
      );
    }
    const demo = await countDemoPasswordAccounts(db);
    if (demo > 0) {
      fail(
        `拒绝以生产模式启动：有 ${demo} 个账号仍在使用公开的演示密码。请在开发模式下修改或停用这些账号，或使用新的数据库。` +
          ` (refusing to start in production: ${demo} account(s) still have the demo password)`,
      );
    }
    return;
  }
  if (env.SEED_DEMO) {
    const result = await seedDemo(db, { hashPassword });
    if (result.seeded) console.log(`已写入演示数据：${result.units} 个机构，${result.persons} 名人员`);
  }
}

async function main() {
  let env: Env;
  try {
    env = loadEnv();
  } catch (err) {
    fail((err as Error).message);
  }
  let handle;
  try {
    handle = await openDb({
      databaseUrl: env.DATABASE_URL,
      readUrl: env.DATABASE_READ_URL,
      dataDir: env.PGLITE_DIR,
      limits: {
        windowPool: env.DB_POOL_MAX,
        reportPool: env.DB_REPORT_POOL_MAX,
        windowStatementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
        reportStatementTimeoutMs: env.REPORT_STATEMENT_TIMEOUT_MS,
      },
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message);
    throw err;
  }
  await handle.migrate();
  await prepareData(env, handle.db);
  const app = await buildApp({ db: handle.db, reports: handle.reports, env });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close(); // waits for in-flight requests
      await handle.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: env.PORT, host: env.HOST });
  const url = `http://localhost:${env.PORT}`;
  const accounts = listDemoAccounts()
    .map((a) => `  ${a.username.padEnd(18)} ${a.role.padEnd(11)} ${a.displayName}`)
    .join('\n');
  console.log(
    `\n医保扶贫经办平台已启动：${url}\n数据库：${handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${env.PGLITE_DIR}`}\n` +
      (env.SEED_DEMO ? `演示账号（密码均为 ${DEMO_PASSWORD}）：\n${accounts}\n` : ''),
  );
}

void main();
