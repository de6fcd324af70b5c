import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_PGLITE_DIR ?? mkdtempSync(join(tmpdir(), 'portal-e2e-'));
/** The server's log of the whole run; scripts/scan-log.mjs proves it holds no personal data. */
const logFile = process.env.E2E_LOG_FILE ?? join(dataDir, 'server.log');

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--lang=zh-CN',
      ],
    },
  },
  webServer: {
    // The production build of the server (esbuild bundle run by plain node), rebuilt from the source under test.
    // The web build is made when missing (npm test builds it in its own step; a lone `playwright test`
    // on a fresh checkout would otherwise get 404 for every page).
    command:
      '(test -f apps/web/dist/index.html || pnpm --silent --filter @portal/web run build) && pnpm --silent --filter @portal/server run build && node --enable-source-maps apps/server/dist/main.js',
    cwd: '..',
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      PGLITE_DIR: dataDir,
      LOG_LEVEL: 'info',
      // Every request's URL in the log, so that scripts/scan-log.mjs checks their masking too.
      LOG_REQUESTS: 'true',
      LOG_FILE: logFile,
      LOGIN_RATE_PER_MINUTE: '1000',
      SEED_DEMO: 'true',
      DATABASE_URL: '',
      ALLOW_TEST_CLOCK: 'true',
      NODE_ENV: 'test',
    },
  },
});
