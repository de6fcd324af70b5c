import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { openDb } from '@portal/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probePglite } from '../src/http/probe.js';
import { runLoad } from '../src/http/run-load.js';
import { buildScenarios, resolveDeepPage, saveScenario } from '../src/http/scenarios.js';
import { startServer, type RunningServer } from '../src/http/server.js';
import { chinaToday, gatherTargets, type Targets } from '../src/http/targets.js';
import { API_HEADERS, call, login, trpcPath } from '../src/http/trpc.js';
import { generateScale } from '../src/seed-scale/generate.js';
import { SCALE_PASSWORD } from '../src/seed-scale/world.js';

/**
 * The harness end to end at a tiny size: 200 persons generated into a PGlite folder, the real
 * server started on it as `pnpm bench` starts it (production mode, over HTTP), the generated
 * accounts sign in, every read scenario of the benchmark answers with the generated rows
 * (person detail, person search, claims list, queue, board, ledger), a claim save settles, and
 * the load generator measures a short run. No timings are judged here: figures come from
 * `pnpm bench` only.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

let dir: string;
let server: RunningServer | undefined;
let targets: Targets;
let clerk: string;
let counts: { persons: number; claims: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portal-bench-test-'));
  const dataDir = join(dir, 'pglite');
  const until = chinaToday();
  // The server's argon2id parameters (apps/server/src/lib/password.ts), as seed:scale hashes it.
  const passwordHash = await hash(SCALE_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const handle = await openDb({ dataDir });
  try {
    await generateScale(
      { handle, pglite: handle.pglite },
      { persons: 200, claims: 600, seed: 11, until, years: 2, append: false, passwordHash, log: () => {} },
    );
  } finally {
    await handle.close();
  }
  const probe = await probePglite(dataDir);
  try {
    targets = await gatherTargets(probe, { until });
    const [c] = await probe.q<{ persons: number; claims: number }>(
      `select (select count(*)::int from persons where region_path = $1) as persons,
              (select count(*)::int from claims where region_path = $1) as claims`,
      [targets.clerk.unitPath],
    );
    counts = c!;
  } finally {
    await probe.close();
  }
  // From the sources: a build left in apps/server/dist may be older than them.
  server = await startServer({ port: await freePort(), database: { pgliteDir: dataDir }, logFile: join(dir, 'server.log'), mode: 'tsx' });
  clerk = await login(server.url, targets.clerk.username, SCALE_PASSWORD);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('pnpm bench harness on a 200-person data set (PGlite, real server over HTTP)', () => {
  it('picks the prefecture’s largest county and inputs from its rows', () => {
    expect(targets.clerk.username).toMatch(/^sc-5227\d\d-clerk1$/);
    expect(targets.clerk.persons).toBe(counts.persons);
    expect(targets.clerkInputs.personIds.length).toBe(Math.min(300, counts.persons));
    expect(targets.claimEntries.length).toBeGreaterThan(0);
  });

  it('reads a generated person and finds them by ID suffix and by name', async () => {
    const id = targets.clerkInputs.personIds[0]!;
    const person = (await call(server!.url, clerk, 'persons.get', { id })) as { id: string; name: string };
    expect(person.id).toBe(id);
    expect(person.name).toBe(targets.clerkInputs.names[0]);
    const bySuffix = (await call(server!.url, clerk, 'persons.list', { q: targets.clerkInputs.idSuffixes[0], page: 1, pageSize: 20 })) as {
      items: { id: string }[];
    };
    expect(bySuffix.items.map((p) => p.id)).toContain(id);
    const byName = (await call(server!.url, clerk, 'persons.list', { q: targets.clerkInputs.names[0], page: 1, pageSize: 20 })) as {
      items: { id: string }[];
    };
    expect(byName.items.map((p) => p.id)).toContain(id);
  });

  it('lists the county’s generated claims', async () => {
    const page = (await call(server!.url, clerk, 'claims.list', { pageSize: 20 })) as { count: { value: number }; items: unknown[] };
    expect(page.count.value).toBe(counts.claims);
    expect(page.items.length).toBe(Math.min(20, counts.claims));
  });

  it('answers every read scenario and the claim save', async () => {
    for (const planned of [...buildScenarios(targets, { reads: 'county' }), saveScenario(targets)]) {
      const s = await resolveDeepPage(
        planned,
        (input) => call(server!.url, clerk, planned.path, input) as Promise<{ nextCursor?: string }>,
      );
      const body = s.bodies[0]!.replaceAll(s.keyPlaceholder ?? '\u0000', `test-${s.id}`);
      const input = (JSON.parse(body) as Record<string, unknown>)['0'];
      await expect(call(server!.url, clerk, s.path, input), s.id).resolves.toBeDefined();
    }
  });

  it('reaches a deep page of the claim list by walking its cursors (keyset paging has no page numbers)', async () => {
    const planned = buildScenarios(targets, { reads: 'county' }).find((x) => x.id === 'claims.page500.clerk')!;
    const s = await resolveDeepPage(planned, (input) => call(server!.url, clerk, planned.path, input) as Promise<{ nextCursor?: string }>);
    // The claims now (the save above added one): the count is exact at this size.
    const first = (await call(server!.url, clerk, planned.path, { pageSize: 20 })) as { count: { value: number } };
    const total = first.count.value;
    const pages = Math.ceil(total / 20);
    expect(s.title).toContain(`page ${pages} (the last; 500 asked)`);
    const input = (JSON.parse(s.bodies[0]!) as Record<string, { cursor?: string }>)['0']!;
    if (pages > 1) expect(input.cursor).toBeTruthy();
    const last = (await call(server!.url, clerk, s.path, input)) as { items: unknown[]; nextCursor: string | null };
    expect(last.items.length).toBe(total - (pages - 1) * 20);
    expect(last.nextCursor).toBeNull();
  });

  it('measures a short load with autocannon in its own process', async () => {
    const s = buildScenarios(targets, { reads: 'county' }).find((x) => x.id === 'persons.get.clerk')!;
    const r = await runLoad({
      url: `${server!.url}${trpcPath(s.path)}`,
      method: 'POST',
      headers: { ...API_HEADERS, cookie: clerk },
      bodies: s.bodies,
      connections: 2,
      duration: 30,
      amount: 40,
      timeoutSeconds: 30,
    });
    expect(r.requests).toBe(40);
    expect(r.non2xx + r.errors + r.timeouts).toBe(0);
    expect(r.unanswered).toBe(0);
    expect(r.p50).toBeGreaterThan(0);
    expect(r.p95).toBeGreaterThanOrEqual(r.p50!);
    expect(server!.peakMb()).toBeGreaterThan(0);
  });
});
