// One lint for the whole repository. The layering table of docs/decisions/0002 is written here as
// import rules by path, so a wrong import fails `pnpm lint` (and `npm test`) instead of a review.
// scripts/lint-boundaries.test.mjs proves that each forbidden direction fails.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'stream/promises',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/**
 * A relative import that leaves the importing file's workspace package (`../../db/src/…` from
 * packages/rules): another package is imported by its name (@portal/…), so the layering rules
 * below see it.
 */
const noCrossPackageRelative = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { cross: 'Import another package by its name (@portal/…), never by a relative path into its folder.' },
  },
  create(context) {
    const file = context.filename.split(path.sep).join('/');
    const root = file.match(/^(.*?\/(?:apps|packages)\/[^/]+\/|.*?\/e2e\/)/)?.[1];
    const check = (source) => {
      if (!root || !source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source.value));
      if (!`${target}/`.startsWith(root)) context.report({ node: source, messageId: 'cross' });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
const portal = { rules: { 'no-cross-package-relative': noCrossPackageRelative } };

/** A relative import of another domain's private file: only its index.ts is public. */
const OTHER_DOMAIN_INTERNALS = {
  regex: String.raw`^\.\./(?!\.\.)[^/]+/(?!index(\.js)?$)[^/]+$`,
  message: 'Import another domain only through its index (../<domain>/index.js).',
};

const WEB_PATHS = NODE_BUILTINS.map((name) => ({ name, message: 'The browser has no Node built-ins.' }));
const WEB_PATTERNS = [
  { group: ['node:*'], message: 'The browser has no Node built-ins.' },
  {
    group: ['@portal/db', '@portal/db/*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', '@fastify/*'],
    message: 'The browser never imports database or server runtime code.',
  },
  {
    group: ['@portal/server', '@portal/server/*'],
    allowTypeImports: true,
    message: 'The browser imports only types from the server (import type { AppRouter }).',
  },
];

/** Builds `no-restricted-imports` for a layer: the common rules plus the layer's own. */
function restrict({ paths = [], patterns = [] } = {}) {
  return [
    'error',
    {
      paths,
      patterns,
    },
  ];
}

const ts = (rules) => ({ '@typescript-eslint/no-restricted-imports': rules, 'no-restricted-imports': 'off' });

const NO_REQUIRE = {
  selector: "CallExpression[callee.name='require']",
  message: 'Use ESM imports; require() is not used in this codebase.',
};
const NO_DYNAMIC_IMPORT = {
  selector: 'ImportExpression',
  message: 'Dynamic import() is reserved for lazily loaded web routes (apps/web/src/app/routes.tsx).',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '.test-results/**',
      'e2e/test-results/**',
      'e2e/screenshots/**',
      'packages/db/drizzle/**',
      'packages/rules/src/calendar/holiday-data.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { portal },
    rules: {
      'portal/no-cross-package-relative': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-require-imports': 'error',
      'no-restricted-syntax': ['error', NO_REQUIRE, NO_DYNAMIC_IMPORT],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Full-width spaces (U+3000) indent Chinese labels on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true }],
      'no-console': 'off',
      ...ts(restrict()),
    },
  },
  // packages/rules: pure policy code — no I/O, database, tRPC, React or Node built-ins.
  {
    files: ['packages/rules/src/**/*.ts'],
    ignores: ['packages/rules/src/cli/**', 'packages/rules/src/**/*.test.ts', 'packages/rules/src/calendar/generate-data.ts'],
    rules: ts(
      restrict({
        paths: NODE_BUILTINS.map((name) => ({ name, message: 'rules is pure: no Node built-ins (take the value as an argument).' })),
        patterns: [
          { group: ['node:*'], message: 'rules is pure: no Node built-ins (take the value as an argument).' },
          { group: ['@portal/db', '@portal/db/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'rules must not touch the database.' },
          {
            group: ['@portal/server', '@portal/server/*', '@portal/web', '@portal/web/*'],
            message: 'rules is imported by the apps, never the reverse.',
          },
          {
            group: ['@trpc/*', 'react', 'react/*', 'react-dom', 'react-dom/*', '@mantine/*', 'fastify', '@fastify/*'],
            message: 'rules is framework-free.',
          },
        ],
      }),
    ),
  },
  // packages/db: schema, client, seed — never the apps.
  {
    files: ['packages/db/**/*.ts'],
    rules: ts(
      restrict({
        patterns: [
          { group: ['@portal/server', '@portal/server/*', '@portal/web', '@portal/web/*'], message: 'db must not import server or web.' },
          { group: ['@trpc/*', 'react', 'react/*', '@mantine/*'], message: 'db has no tRPC or React.' },
        ],
      }),
    ),
  },
  // apps/server services (and the core they use): domain errors, never tRPC; domains through their index.
  {
    files: ['apps/server/src/services/**/*.ts'],
    rules: ts(
      restrict({
        patterns: [
          { group: ['@trpc/*'], message: 'Services throw domain errors (core/errors), never tRPC errors.' },
          OTHER_DOMAIN_INTERNALS,
        ],
      }),
    ),
  },
  {
    files: ['apps/server/src/core/**/*.ts'],
    rules: ts(
      restrict({
        patterns: [
          { regex: String.raw`^\.\./(services|routers)/`, message: 'core is owned by no domain: it must not import services or routers.' },
        ],
      }),
    ),
  },
  // apps/server routers: thin — input schema, one service call, output schema. No SQL.
  {
    files: ['apps/server/src/routers/**/*.ts'],
    rules: ts(
      restrict({
        patterns: [
          { group: ['@portal/db', '@portal/db/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'Routers are thin: no SQL; call a service.' },
          { regex: String.raw`^\.\./services/[^/]+/(?!index(\.js)?$)[^/]+$`, message: 'Routers call a domain through its index.' },
        ],
      }),
    ),
  },
  // apps/web: rules, UI libraries and only `import type` from the server; features import each
  // other through their index.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...ts(restrict({ paths: WEB_PATHS, patterns: WEB_PATTERNS })),
    },
  },
  {
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: ts(restrict({ paths: WEB_PATHS, patterns: [...WEB_PATTERNS, OTHER_DOMAIN_INTERNALS] })),
  },
  // The web's build tooling (vite.config.ts, precompress.ts) runs in Node, not in the browser.
  {
    files: ['apps/web/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: ts(restrict()),
  },
  {
    files: ['apps/web/src/app/routes.tsx'],
    rules: { 'no-restricted-syntax': ['error', NO_REQUIRE] },
  },
  // e2e: drives the browser like a user; data through db factories and the seed, never web internals.
  {
    files: ['e2e/**/*.ts'],
    rules: ts(
      restrict({
        patterns: [
          {
            group: ['@portal/web', '@portal/web/*', '@portal/server', '@portal/server/*'],
            message: 'e2e drives the browser; it never imports web or server code.',
          },
          { regex: String.raw`(^|/)apps/`, message: 'e2e never imports web internals.' },
        ],
      }),
    ),
  },
  // bench: generates data through the schema (db, rules) and drives the server over HTTP only.
  {
    files: ['bench/**/*.ts'],
    rules: ts(
      restrict({
        patterns: [
          {
            group: ['@portal/web', '@portal/web/*', '@portal/server', '@portal/server/*'],
            message: 'bench drives the server over HTTP; it never imports server or web code.',
          },
          { regex: String.raw`(^|/)apps/`, message: 'bench never imports app internals.' },
        ],
      }),
    ),
  },
  // Tests and scripts may be looser about `any` in fixtures, but not about layering.
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
