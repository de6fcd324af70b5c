#!/usr/bin/env node
// Bundles the server (src/main.ts with the workspace packages and most dependencies) into one
// ES module, dist/main.js, run with plain `node` in production and in the end-to-end run
// (decision 0010). Kept outside the bundle, and resolved from apps/server/node_modules at run time:
// the native argon2 addon, PGlite (its wasm and data files sit beside its code) and pdfkit (it
// reads its font metrics from its own folder).
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = resolve(here, 'dist/main.js');

/**
 * Workspace code that finds files beside itself (the migrations folder, the repository root) reads
 * `import.meta.url`; inside the bundle that would be dist/main.js. Each use becomes the URL of the
 * original source file, computed from the bundle's own URL, so the build still works wherever the
 * repository is cloned.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(outfile), args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

const started = performance.now();
const result = await build({
  entryPoints: [resolve(here, 'src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  external: ['@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pdfkit'],
  // CommonJS dependencies inside an ES module still call require() and read __dirname.
  banner: {
    js: [
      "import { createRequire as __portalCreateRequire } from 'node:module';",
      "import { fileURLToPath as __portalFileURLToPath } from 'node:url';",
      "import { dirname as __portalDirname } from 'node:path';",
      'const require = __portalCreateRequire(import.meta.url);',
      'const __filename = __portalFileURLToPath(import.meta.url);',
      'const __dirname = __portalDirname(__filename);',
    ].join('\n'),
  },
  plugins: [sourceUrls],
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `server bundle: ${relative(process.cwd(), outfile)} (${(bytes / 1024 / 1024).toFixed(1)} MB with its map) in ${Math.round(performance.now() - started)} ms`,
);
