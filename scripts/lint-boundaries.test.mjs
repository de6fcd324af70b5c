#!/usr/bin/env node
// Proves that the layering table of eslint.config.mjs holds: for each forbidden direction, a file
// at that place importing that thing fails lint, and an allowed import passes. Writes a
// vitest-shaped JSON report for scripts/summarize-tests.mjs when given a path.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** [file the code pretends to live in, code, should it fail?] */
const CASES = [
  ['packages/rules/src/money.ts', "import { claims } from '@portal/db';\nexport const x = claims;\n", true, 'rules → db'],
  ['packages/rules/src/money.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", true, 'rules → node:fs'],
  ['packages/rules/src/money.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", true, 'rules → bare fs'],
  ['packages/rules/src/money.ts', "import { initTRPC } from '@trpc/server';\nexport const x = initTRPC;\n", true, 'rules → tRPC'],
  ['packages/rules/src/money.ts', "import { useState } from 'react';\nexport const x = useState;\n", true, 'rules → React'],
  [
    'packages/rules/src/money.ts',
    "import { claims } from '../../db/src/index.js';\nexport const x = claims;\n",
    true,
    'rules → db by relative path',
  ],
  ['packages/rules/src/money.ts', "import { z } from 'zod';\nexport const x = z;\n", false, 'rules → zod (allowed)'],
  [
    'packages/db/src/client.ts',
    "import type { AppRouter } from '@portal/server/router';\nexport type X = AppRouter;\n",
    true,
    'db → server',
  ],
  [
    'packages/db/src/client.ts',
    "import { makeIdNumber } from '@portal/rules';\nexport const x = makeIdNumber;\n",
    false,
    'db → rules (allowed)',
  ],
  [
    'apps/server/src/services/claims/create.ts',
    "import { TRPCError } from '@trpc/server';\nexport const x = TRPCError;\n",
    true,
    'services → tRPC',
  ],
  [
    'apps/server/src/services/claims/create.ts',
    "import { x } from '../referrals/internal.js';\nexport const y = x;\n",
    true,
    'service → another domain internals',
  ],
  [
    'apps/server/src/services/claims/create.ts',
    "import { x } from '../referrals/index.js';\nexport const y = x;\n",
    false,
    'service → another domain index (allowed)',
  ],
  ['apps/server/src/routers/claims.ts', "import { claims } from '@portal/db';\nexport const x = claims;\n", true, 'routers → db'],
  ['apps/server/src/routers/claims.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;\n", true, 'routers → drizzle'],
  [
    'apps/server/src/routers/claims.ts',
    "import { createClaim } from '../services/claims/create.js';\nexport const x = createClaim;\n",
    true,
    'routers → a service file, not its index',
  ],
  [
    'apps/server/src/core/db.ts',
    "import { getClaim } from '../services/claims/index.js';\nexport const x = getClaim;\n",
    true,
    'core → services',
  ],
  ['bench/src/http/main.ts', "import { appRouter } from '@portal/server/router';\nexport const x = appRouter;\n", true, 'bench → server'],
  [
    'bench/src/http/main.ts',
    "import { makeIdNumber } from '@portal/rules';\nexport const x = makeIdNumber;\n",
    false,
    'bench → rules (allowed)',
  ],
  ['apps/server/src/app.ts', "const m = require('fastify');\nexport const x = m;\n", true, 'require()'],
  ['apps/server/src/app.ts', "export const load = () => import('./root.js');\n", true, 'dynamic import() in the server'],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "import { claims } from '@portal/db';\nexport const x = claims;\n",
    true,
    'web → db',
  ],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "import { appRouter } from '@portal/server/router';\nexport const x = appRouter;\n",
    true,
    'web → server runtime',
  ],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "import type { AppRouter } from '@portal/server/router';\nexport type X = AppRouter;\n",
    false,
    'web → server types (allowed)',
  ],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "import { join } from 'node:path';\nexport const x = join;\n",
    true,
    'web → node built-in',
  ],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "import { PersonForm } from '../persons/person-form';\nexport const x = PersonForm;\n",
    true,
    'web feature → another feature internals',
  ],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "import { x } from '../../../../server/src/root.js';\nexport const y = x;\n",
    true,
    'web → server by relative path',
  ],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "import { x } from '../../../../packages/db/src/index.js';\nexport const y = x;\n",
    true,
    'web → db by relative path',
  ],
  [
    'apps/web/src/features/claims/claim-list-page.tsx',
    "export const load = () => import('./claim-new-page');\n",
    true,
    'dynamic import() outside the route table',
  ],
  [
    'apps/web/src/app/routes.tsx',
    "export const load = () => import('../features/claims/claim-list-page');\n",
    false,
    'lazy route import (allowed)',
  ],
  ['e2e/tests/x.spec.ts', "import { theme } from '@portal/web/src/app/theme';\nexport const x = theme;\n", true, 'e2e → web internals'],
  [
    'e2e/tests/x.spec.ts',
    "import { theme } from '../../apps/web/src/app/theme';\nexport const x = theme;\n",
    true,
    'e2e → web internals by relative path',
  ],
  [
    'e2e/tests/x.spec.ts',
    "import { createTestDb } from '@portal/db/test';\nexport const x = createTestDb;\n",
    false,
    'e2e → db factories (allowed)',
  ],
];

let passed = 0;
let failed = 0;
for (const [filePath, code, shouldFail, name] of CASES) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  const layering = result.messages.filter((m) =>
    [
      '@typescript-eslint/no-restricted-imports',
      'no-restricted-syntax',
      '@typescript-eslint/no-require-imports',
      'portal/no-cross-package-relative',
    ].includes(m.ruleId ?? ''),
  );
  const fails = layering.length > 0;
  const expected = shouldFail;
  if (fails === expected) {
    passed++;
    console.log(`  ✓ ${name}`);
  } else {
    failed++;
    console.log(
      `  ✗ ${name}: expected ${expected ? 'a lint error' : 'no lint error'}, got ${JSON.stringify(layering.map((m) => m.message))}`,
    );
  }
}
console.log(`lint boundaries: ${passed} passed, ${failed} failed`);
const out = process.argv[2];
if (out) writeFileSync(out, JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0 }));
process.exit(failed ? 1 : 0);
