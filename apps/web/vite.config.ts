import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

/**
 * The scripts of a dependency folder under node_modules, whatever the package manager's layout.
 * Style sheets stay out of the groups: main.tsx imports them all into the entry's CSS, and a group
 * holding one would pull its scripts into the entry too.
 */
const dep = (...names: string[]) => new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/](?!.*\\.css$)`);

/** Packages that Mantine's components are made of. */
const MANTINE_PARTS = [
  '@mantine[\\\\/](core|hooks|notifications|store)',
  '@floating-ui[\\\\/][^\\\\/]+',
  'react-remove-scroll[^\\\\/]*',
  'react-style-singleton',
  'use-callback-ref',
  'use-sidecar',
  'react-transition-group',
  'react-number-format',
  'react-textarea-autosize',
  'use-composed-ref',
  'use-isomorphic-layout-effect',
  'use-latest',
  'get-nonce',
  'detect-node-es',
  'aria-hidden',
  'tslib',
  'clsx',
];

export default defineConfig({
  plugins: [react(), precompress()],
  server: { port: 5173, proxy: { '/trpc': 'http://localhost:3000', '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Budget: scripts/check-bundle.mjs holds what the sign-in page loads at 200 KB gzip (decision 0010).
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        // Vendor chunks change only with a dependency upgrade, so browsers keep them across
        // releases; pages are chunks of their own (app/routes.tsx). What the entry needs of Mantine
        // is one chunk ($initial: reached by static imports from the entry); the rest is split by
        // the pages that use it.
        codeSplitting: {
          groups: [
            { name: 'react', test: dep('react', 'react-dom', 'scheduler'), priority: 100 },
            { name: 'router', test: dep('react-router', 'cookie', 'set-cookie-parser'), priority: 90 },
            { name: 'query', test: dep('@tanstack[\\\\/](query-core|react-query)', '@trpc[\\\\/][^\\\\/]+'), priority: 80 },
            // A group takes its modules' dependencies with it: Mantine's own groups go first, so
            // that dates and charts do not carry components other pages need.
            { name: 'mantine', test: dep(...MANTINE_PARTS), tags: ['$initial'], priority: 76 },
            // The rest of Mantine split by the set of pages that use each part (parts under 8 KB merged).
            { name: 'mantine-more', test: dep(...MANTINE_PARTS), priority: 72, entriesAware: true, entriesAwareMergeThreshold: 8_000 },
            {
              name: 'charts',
              test: dep(
                '@mantine[\\\\/]charts',
                'recharts',
                'd3-[^\\\\/]+',
                'victory-vendor',
                'internmap',
                'decimal\\.js-light',
                'eventemitter3',
                'es-toolkit',
                'immer',
                'reselect',
                '@reduxjs[\\\\/]toolkit',
                'redux',
                'redux-thunk',
                'react-redux',
                'use-sync-external-store',
                'tiny-invariant',
              ),
              priority: 70,
            },
            // Mantine's dates split the same way: the shell needs only the provider and dayjs, the pickers come with the forms.
            {
              name: 'dates',
              test: dep('@mantine[\\\\/]dates', 'dayjs'),
              priority: 60,
              entriesAware: true,
              entriesAwareMergeThreshold: 8_000,
            },
            { name: 'table', test: dep('@tanstack[\\\\/](table-core|react-table)'), priority: 55 },
            { name: 'forms', test: dep('react-hook-form', '@hookform[\\\\/]resolvers'), priority: 55 },
            { name: 'zod', test: dep('zod'), priority: 55 },
          ],
        },
      },
    },
  },
});
