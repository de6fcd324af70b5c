import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, households, inArray, openDb, persons, sql, type DbHandle } from '@portal/db';
import { createOrgTree, createUser, type TestTree } from '@portal/db/test';
import { createTestDb } from '@portal/db/test';
import { TEST_PASSWORD, testPasswordHash } from '../helpers.js';
import { newIdNumber } from '../support/world.js';

/**
 * kill -9 of the real server while it acknowledges writes: each round starts `node dist/main.js` on
 * the same data (a PGlite folder, or the PostgreSQL database), signs in, creates persons and their
 * households through HTTP as the web does, and kills the process at a random moment. After the
 * restart every acknowledged write is there, a write that was in flight is there whole or not at
 * all, and at the end the stored rows agree with each other and with their audit rows.
 */

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50);
const WRITERS = 4;
const SERVER_DIR = resolve(import.meta.dirname, '../..');
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';
const backend = DATABASE_URL ? 'PostgreSQL' : 'PGlite';
let port = 39_500 + Math.floor(Math.random() * 400);
const running = new Set<ChildProcess>();
const dirs: string[] = [];

// The server as production runs it: the bundle of build.mjs, built once from the source under test.
beforeAll(() => {
  execFileSync(process.execPath, ['build.mjs'], { cwd: SERVER_DIR, stdio: 'ignore' });
}, 120_000);

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function startServer(dataDir: string) {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String((port = port >= 39_999 ? 39_500 : port + 1)),
      DATABASE_URL,
      PGLITE_DIR: dataDir,
      LOGIN_RATE_PER_MINUTE: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) =>
    child.on('exit', () => {
      running.delete(child);
      r();
    }),
  );
  const ready = (async () => {
    const until = Date.now() + 60_000;
    while (!out.includes('医保扶贫经办平台已启动')) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { child, exited, ready, url: `http://127.0.0.1:${port}`, out: () => out };
}
type Server = ReturnType<typeof startServer>;

async function trpc(server: Server, path: string, input: unknown, cookie = '') {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-portal-request': '1', cookie },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data?: unknown }; error?: { message?: string } };
  return { status: res.status, data: body.result?.data, error: body.error?.message, cookie: res.headers.get('set-cookie') };
}

async function signIn(server: Server, username: string) {
  const res = await trpc(server, 'auth.login', { username, password: TEST_PASSWORD });
  if (res.status !== 200 || !res.cookie) throw new Error(`sign-in failed: ${res.status} ${res.error}`);
  return res.cookie.split(';')[0]!;
}

interface PersonWrite {
  idNumber: string;
  name: string;
  householdNo: string;
  personId?: string;
  /** Set once the household create was acknowledged. */
  householdId?: string;
  /** The household create was sent but not acknowledged. */
  householdInFlight?: boolean;
}

const HAN = '甲乙丙丁戊己庚辛壬癸';
const nameOf = (n: number) => `断电${[...String(n)].map((d) => HAN[Number(d)]).join('')}`;

/** Writes until stopped: each loop registers a person, then starts their household. */
async function writeUntilKilled(server: Server, cookie: string, orgUnitId: string, log: PersonWrite[], stop: { now: boolean }) {
  let n = log.length;
  const writer = async () => {
    while (!stop.now) {
      const w: PersonWrite = { idNumber: newIdNumber(), name: nameOf((n += 1)), householdNo: `HH${Date.now()}${n}` };
      log.push(w);
      try {
        const created = await trpc(server, 'persons.create', { idNumber: w.idNumber, name: w.name, hukouType: 'rural', orgUnitId }, cookie);
        if (created.status !== 200) {
          if (created.status === 409) {
            log.splice(log.indexOf(w), 1); // a number another test drew: refused, nothing written
            continue;
          }
          throw new Error(`persons.create answered ${created.status} ${created.error}`);
        }
        w.personId = (created.data as { id: string }).id;
        w.householdInFlight = true;
        const household = await trpc(server, 'households.create', { personId: w.personId, householdNo: w.householdNo }, cookie);
        if (household.status !== 200) throw new Error(`households.create answered ${household.status} ${household.error}`);
        w.householdId = (household.data as { id: string }).id;
        w.householdInFlight = false;
      } catch (error) {
        if (stop.now || server.child.exitCode !== null || server.child.signalCode !== null) return;
        throw error;
      }
    }
  };
  return Promise.all(Array.from({ length: WRITERS }, writer));
}

/** Through the restarted server: acknowledged writes are there; writes in flight are whole or absent. */
async function verify(server: Server, cookie: string, writes: PersonWrite[]) {
  const problems: string[] = [];
  const check = async (w: PersonWrite) => {
    if (w.personId) {
      const got = await trpc(server, 'persons.get', { id: w.personId }, cookie);
      const person = got.data as { name: string; household: { id: string; householdNo: string; headPersonId: string } | null } | undefined;
      if (got.status !== 200 || person?.name !== w.name) return problems.push(`acknowledged person ${w.personId} lost (${got.status})`);
      if (w.householdId && person.household?.id !== w.householdId) return problems.push(`acknowledged household ${w.householdId} lost`);
      if (w.householdInFlight && person.household) {
        // In flight at the kill: either all of it (the household, its head, the person in it) or nothing.
        if (person.household.householdNo !== w.householdNo || person.household.headPersonId !== w.personId)
          problems.push(`household of ${w.personId} half written`);
      }
      if (w.householdInFlight && !person.household) {
        const found = await trpc(server, 'households.find', { q: w.householdNo }, cookie);
        if ((found.data as unknown[]).length) problems.push(`household ${w.householdNo} stored without its head`);
      }
    } else {
      const found = await trpc(server, 'persons.list', { q: w.idNumber }, cookie);
      const items = (found.data as { items: { name: string }[] }).items;
      if (items.length > 1 || (items[0] && items[0].name !== w.name)) problems.push(`person in flight ${w.idNumber} stored wrongly`);
    }
    return 0;
  };
  for (let i = 0; i < writes.length; i += 16) await Promise.all(writes.slice(i, i + 16).map(check));
  return problems;
}

describe(`kill -9 on ${backend}`, () => {
  it(
    `${ROUNDS} rounds: no acknowledged write lost, nothing half written`,
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'portal-crash-'));
      dirs.push(dataDir);
      const open = (): Promise<DbHandle> => (DATABASE_URL ? createTestDb() : openDb({ dataDir }));
      let tree: TestTree;
      let username: string;
      {
        const handle = await open();
        await handle.migrate();
        tree = await createOrgTree(handle.db, 'qiannan-2019');
        username = (await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() }))
          .username;
        await handle.close();
      }

      const all: PersonWrite[] = [];
      let previous: PersonWrite[] = [];
      const problems: string[] = [];
      let acknowledged = 0;
      for (let round = 0; round <= ROUNDS; round++) {
        const server = startServer(dataDir);
        await server.ready;
        const cookie = await signIn(server, username);
        problems.push(...(await verify(server, cookie, previous)).map((p) => `round ${round}: ${p}`));
        if (round === ROUNDS) {
          server.child.kill('SIGTERM');
          await server.exited;
          break;
        }
        const writes: PersonWrite[] = [];
        const stop = { now: false };
        const writing = writeUntilKilled(server, cookie, tree.countyA.id, writes, stop);
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
        stop.now = true;
        server.child.kill('SIGKILL');
        await Promise.all([writing, server.exited]);
        acknowledged += writes.filter((w) => w.personId).length + writes.filter((w) => w.householdId).length;
        all.push(...writes);
        previous = writes;
      }
      expect(problems).toEqual([]);
      expect(acknowledged).toBeGreaterThan(ROUNDS * 5);

      // The rows agree with each other and with the audit written in the same transactions.
      const handle = await open();
      const region = `${tree.countyA.path}%`;
      const stored = await handle.db
        .select()
        .from(persons)
        .where(sql`${persons.regionPath} like ${region}`);
      const acked = all.filter((w) => w.personId).map((w) => w.personId!);
      expect(acked.filter((id) => !stored.some((p) => p.id === id))).toEqual([]);
      const audited = await handle.db
        .select({ entityId: auditLog.entityId, action: auditLog.action })
        .from(auditLog)
        .where(sql`${auditLog.regionPath} like ${region}`);
      const created = new Set(audited.filter((a) => a.action === 'person.create').map((a) => a.entityId));
      expect(stored.filter((p) => !created.has(p.id)).map((p) => p.id)).toEqual([]);
      expect([...created].filter((id) => !stored.some((p) => p.id === id))).toEqual([]);
      const homes = stored.length
        ? await handle.db
            .select()
            .from(households)
            .where(inArray(households.orgUnitId, [tree.countyA.id]))
        : [];
      const homeAudits = new Set(audited.filter((a) => a.action === 'household.create').map((a) => a.entityId));
      for (const h of homes) {
        const head = stored.find((p) => p.id === h.headPersonId);
        expect(head?.householdId, `household ${h.id} and its head`).toBe(h.id);
        expect(homeAudits.has(h.id), `household ${h.id} audited`).toBe(true);
      }
      expect(homes.length).toBe(homeAudits.size);
      await handle.close();
      console.log(`kill -9 on ${backend}: ${ROUNDS} rounds, ${acknowledged} acknowledged writes, ${all.length} persons attempted`);
    },
    30 * 60_000,
  );
});
