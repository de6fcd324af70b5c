import { openDb } from '@portal/db';
import { DEMO_PASSWORD, listDemoAccounts, seedDemo } from '@portal/db/seed';
import { buildApp } from './app.js';
import { loadEnv } from './env.js';
import { hashPassword } from './lib/password.js';

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  await handle.migrate();
  if (env.SEED_DEMO) {
    const result = await seedDemo(handle.db, { hashPassword });
    if (result.seeded) console.log(`已写入演示数据：${result.units} 个机构，${result.persons} 名人员`);
  }
  const app = await buildApp({ db: handle.db, env });
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
