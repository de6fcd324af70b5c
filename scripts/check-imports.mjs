#!/usr/bin/env node
// Enforces the package boundaries of docs/decisions/0002 (which layer may import which), so a
// wrong import fails `npm test` instead of waiting for a review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const RULES = [
  {
    dir: 'packages/rules/src',
    skip: (f) => f.includes('/cli/') || f.endsWith('.test.ts') || f.includes('generate-'),
    forbid: [/^@portal\/(db|server|web)/, /^drizzle-orm/, /^@trpc\//, /^react/, /^node:/, /^fastify/],
    why: 'rules is pure: no I/O, no database, no tRPC, no React, no node:*',
  },
  { dir: 'packages/db/src', forbid: [/^@portal\/(server|web)/, /^@trpc\//, /^react/], why: 'db must not import server or web' },
  { dir: 'apps/server/src/routers', forbid: [/^@portal\/db/, /^drizzle-orm/], why: 'routers are thin: no SQL, call services' },
  { dir: 'apps/server/src/services', forbid: [/^@trpc\//], why: 'services throw domain errors, not tRPC errors' },
  {
    dir: 'apps/web/src',
    forbid: [/^@portal\/db/, /^drizzle-orm/, /^fastify/, /^node:/],
    forbidValue: [/^@portal\/server/],
    why: 'the browser imports rules and only `import type` from the server',
  },
];

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
const problems = [];
for (const rule of RULES) {
  for (const file of walk(join(root, rule.dir))) {
    const rel = relative(root, file);
    if (rule.skip?.(rel)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      const isType = Boolean(m[2]);
      if (rule.forbid.some((re) => re.test(spec)) || (!isType && rule.forbidValue?.some((re) => re.test(spec)))) {
        problems.push(`${rel}: imports "${spec}" — ${rule.why}`);
      }
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('import boundaries ok');
