#!/usr/bin/env node
// Holds the web build to its budget (decision 0010). What a browser must download before a page
// can render is the entry script of dist/index.html, the modules it preloads, and the page's route
// chunk with everything that chunk imports statically (app/routes.tsx loads the shell and every
// page lazily). Measured gzip (level 9) over those files:
//   - the sign-in page: at most SIGN_IN_BUDGET;
//   - a clerk's first page after signing in (the shell and 工作台): at most FIRST_PAGE_BUDGET.
// Also checks that every asset has its precompressed .br and .gz beside it (fastify sends those).
// Usage: node scripts/check-bundle.mjs [report.json]  (after `pnpm --filter @portal/web run build`)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Measured 192 KB when set (2026-12-02); React, the router and TanStack Query are 113 KB of it. */
export const SIGN_IN_BUDGET = 200 * 1024;
/** Measured 245 KB when set. */
export const FIRST_PAGE_BUDGET = 270 * 1024;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'apps/web/dist');
const report = process.argv[2];
const checks = [];
const check = (name, ok, detail) => {
  checks.push({ name, ok, detail });
  console.log(`  ${ok ? '✓' : '✗'} ${name}: ${detail}`);
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const html = existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : null;
if (!html) {
  check('web build present', false, `${dist}/index.html missing: run pnpm --filter @portal/web run build first`);
} else {
  const fileOf = (src) => join(dist, src.replace(/^\//, ''));
  const gzipOf = (src) => (existsSync(fileOf(src)) ? gzipSync(readFileSync(fileOf(src)), { level: 9 }).length : Number.NaN);
  /** A chunk with the chunks it imports statically (Rolldown writes them as `import … from "./x.js"`). */
  const closure = (src, seen) => {
    if (seen.has(src)) return seen;
    seen.add(src);
    if (!existsSync(fileOf(src))) return seen;
    const code = readFileSync(fileOf(src), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) closure(`/assets/${m[1]}`, seen);
    return seen;
  };

  const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
  const initial = [...new Set([...scripts, ...preloads])];
  check('entry script found', scripts.length === 1, `${scripts.length} module script(s) in index.html`);
  const entryBytes = initial.reduce((sum, src) => sum + gzipOf(src), 0);
  const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
  console.log(`    ${kb(entryBytes).padStart(9)}  index.html's scripts and preloads (${initial.length} files)`);
  console.log(`    ${kb(styles.reduce((sum, src) => sum + gzipOf(src), 0)).padStart(9)}  its style sheets (not in the budget)`);

  const assets = readdirSync(join(dist, 'assets'));
  const chunk = (prefix) => assets.find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
  for (const [name, pages, budget] of [
    ['sign-in page', ['login-page'], SIGN_IN_BUDGET],
    ["a clerk's first page (shell + 工作台)", ['layout', 'home-page'], FIRST_PAGE_BUDGET],
  ]) {
    const files = new Set();
    for (const src of initial) closure(src, files);
    const missing = pages.filter((p) => !chunk(p));
    for (const p of pages) if (chunk(p)) closure(`/assets/${chunk(p)}`, files);
    const sizes = [...files].map((src) => ({ src, gzip: gzipOf(src) })).sort((a, b) => b.gzip - a.gzip);
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    for (const s of sizes.slice(0, 8)) console.log(`    ${kb(s.gzip).padStart(9)}  ${s.src.slice(0, 100)}`);
    if (sizes.length > 8)
      console.log(`    ${kb(sizes.slice(8).reduce((sum, s) => sum + s.gzip, 0)).padStart(9)}  ${sizes.length - 8} more`);
    check(
      `${name} within budget`,
      missing.length === 0 && Number.isFinite(total) && total <= budget,
      missing.length ? `route chunk ${missing.join(', ')} not found` : `${kb(total)} gzip in ${files.size} files (budget ${kb(budget)})`,
    );
  }

  const compressible = assets.filter((f) => /\.(js|css|svg)$/.test(f));
  const bare = compressible.filter((f) => !assets.includes(`${f}.br`) || !assets.includes(`${f}.gz`));
  check(
    'assets precompressed',
    bare.length === 0 && existsSync(join(dist, 'index.html.br')),
    bare.length ? `no .br/.gz for ${bare.slice(0, 5).join(', ')}` : `${compressible.length} assets and index.html with .br and .gz`,
  );
}

const failed = checks.filter((c) => !c.ok).length;
console.log(`bundle check: ${checks.length - failed} passed, ${failed} failed`);
if (report) writeFileSync(report, JSON.stringify({ numPassedTests: checks.length - failed, numFailedTests: failed, numPendingTests: 0 }));
process.exit(failed ? 1 : 0);
