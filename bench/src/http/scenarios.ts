import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { createRandom, makeName } from '@portal/db/seed';
import { makeIdNumber } from '@portal/rules';
import type { Targets } from './targets.js';
import { trpcBody } from './trpc.js';

export type Role = 'clerk' | 'supervisor' | 'province';

/** A read or a save loaded with autocannon. `group` ties it to budgets (bench/budgets.json). */
export interface Scenario {
  id: string;
  title: string;
  role: Role;
  path: string;
  group: 'list' | 'simple' | 'board' | 'province-board' | 'save';
  bodies: string[];
  keyPlaceholder?: string;
  /**
   * A page deep in a list: sent as `page` to a list paged by offset, or, to a list paged by
   * cursor, as the cursor reached by walking to it once before the load (resolveDeepPage).
   */
  deep?: { page: number; input: Record<string, unknown> };
}

const KEY = '__IDEMPOTENCY_KEY__';

/** Every read of the benchmark for a clerk and the prefecture supervisor, the province board, and the claim save. */
export function buildScenarios(t: Targets, options: { reads: 'all' | 'county' }): Scenario[] {
  const list: Scenario[] = [];
  const both: Role[] = options.reads === 'all' ? ['clerk', 'supervisor'] : ['clerk'];
  const inputs = (r: Role) => (r === 'clerk' ? t.clerkInputs : t.supervisorInputs);
  const who = (r: Role) =>
    r === 'clerk' ? '经办 (county clerk)' : r === 'supervisor' ? '监管 (prefecture supervisor)' : '监管 (province supervisor)';
  for (const role of both) {
    const i = inputs(role);
    list.push(
      {
        id: `persons.search-id-suffix.${role}`,
        title: `person search by ID suffix (6 digits) — ${who(role)}`,
        role,
        path: 'persons.list',
        group: 'list',
        bodies: i.idSuffixes.map((q) => trpcBody({ q, page: 1, pageSize: 20 })),
      },
      {
        id: `persons.search-name.${role}`,
        title: `person search by name — ${who(role)}`,
        role,
        path: 'persons.list',
        group: 'list',
        bodies: i.names.map((q) => trpcBody({ q, page: 1, pageSize: 20 })),
      },
      {
        id: `persons.get.${role}`,
        title: `person detail — ${who(role)}`,
        role,
        path: 'persons.get',
        group: 'simple',
        bodies: i.personIds.map((id) => trpcBody({ id })),
      },
      {
        id: `reimbursements.queue.${role}`,
        title: `reimbursement work queue (open cases) — ${who(role)}`,
        role,
        path: 'reimbursements.list',
        group: 'list',
        bodies: [trpcBody({ status: 'open' })],
      },
    );
  }
  if (options.reads === 'all') {
    list.push(
      {
        id: 'reimbursements.board.supervisor',
        title: `reimbursement board, month ${t.month} — ${who('supervisor')}`,
        role: 'supervisor',
        path: 'reimbursements.board',
        group: 'board',
        bodies: [trpcBody({ month: t.month })],
      },
      {
        id: 'dashboards.benefits.supervisor',
        title: `supervisors' dashboard (${t.year}) — ${who('supervisor')}`,
        role: 'supervisor',
        path: 'dashboards.benefits',
        group: 'board',
        bodies: [trpcBody({ year: t.year })],
      },
      {
        id: 'dashboards.benefits.province',
        title: `supervisors' dashboard (${t.year}) — ${who('province')}`,
        role: 'province',
        path: 'dashboards.benefits',
        group: 'province-board',
        bodies: [trpcBody({ year: t.year })],
      },
      {
        id: 'reimbursements.board.province',
        title: `reimbursement board, month ${t.month} — ${who('province')}`,
        role: 'province',
        path: 'reimbursements.board',
        group: 'province-board',
        bodies: [trpcBody({ month: t.month })],
      },
    );
  } else {
    list.push({
      id: 'reimbursements.board.clerk',
      title: `reimbursement board, month ${t.month} — ${who('clerk')}`,
      role: 'clerk',
      path: 'reimbursements.board',
      group: 'board',
      bodies: [trpcBody({ month: t.month })],
    });
  }
  for (const role of both) {
    list.push(
      {
        id: `ledger.page1.${role}`,
        title: `ledger page 1 (${t.year}) — ${who(role)}`,
        role,
        path: 'ledger.list',
        group: 'list',
        bodies: [trpcBody({ year: t.year, page: 1, pageSize: 20 })],
      },
      {
        id: `claims.page1.${role}`,
        title: `claims list page 1 — ${who(role)}`,
        role,
        path: 'claims.list',
        group: 'list',
        bodies: [trpcBody({ page: 1, pageSize: 20 })],
      },
      {
        id: `claims.page500.${role}`,
        title: `claims list page 500 — ${who(role)}`,
        role,
        path: 'claims.list',
        group: 'list',
        bodies: [trpcBody({ page: 500, pageSize: 20 })],
        deep: { page: 500, input: { pageSize: 20 } },
      },
    );
  }
  return list;
}

/**
 * Makes a deep-page scenario ask for its page the way the list pages: a list answering with
 * `nextCursor` is walked page by page to the one before (keyset paging has no page numbers) and
 * loaded with that cursor; a list paged by offset keeps `page`. A list shorter than the page
 * is loaded at its last page, and the title says which.
 */
export async function resolveDeepPage(
  s: Scenario,
  next: (input: Record<string, unknown>) => Promise<{ nextCursor?: string | null }>,
): Promise<Scenario> {
  if (!s.deep) return s;
  const { page, input } = s.deep;
  let answer = await next(input);
  if (!('nextCursor' in answer)) return s;
  let cursor: string | null = null;
  let reached = 1;
  while (reached < page && answer.nextCursor) {
    cursor = answer.nextCursor;
    answer = await next({ ...input, cursor });
    reached++;
  }
  const body = trpcBody(cursor ? { ...input, cursor } : input);
  const title = reached === page ? s.title : s.title.replace(`page ${page}`, `page ${reached} (the last; ${page} asked)`);
  return { ...s, title, bodies: [body] };
}

/** Claim save (settle + accumulators): an outpatient visit today for a different person each time. */
export function saveScenario(t: Targets): Scenario {
  return {
    id: 'claims.create.clerk',
    title: 'claim save (settle + accumulators) — 经办 (county clerk)',
    role: 'clerk',
    path: 'claims.create',
    group: 'save',
    bodies: t.claimEntries.map((entry) => trpcBody({ entry, idempotencyKey: KEY })),
    keyPlaceholder: KEY,
  };
}

/**
 * A department's list of `rows` rows for the clerk's county, as .xlsx: 95 % of the county's
 * registered persons (5 % left the list), 1 % of them renamed, new persons to fill up, 0.5 %
 * invalid ID numbers — the mix of apps/server/bench/list-compare.bench.ts.
 */
export async function buildListFile(t: Targets, rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '身份证号', '人员类别', '认定日期']).commit();
  const known = new Set(t.countyPersons.map((p) => p.idNumber));
  const random = createRandom(rows);
  let n = 0;
  t.countyPersons.forEach((p, i) => {
    if (n >= rows || i % 20 === 0) return;
    ws.addRow([i % 100 === 1 ? `${p.name}改` : p.name, p.idNumber, '建档立卡贫困人口', '2016-03-01']).commit();
    n++;
  });
  for (let i = 0; n < rows; i++) {
    if (i % 200 === 0) {
      ws.addRow([`无效${i}`, `${t.clerk.unitCode}1990010100`, '建档立卡贫困人口', '']).commit();
      n++;
      continue;
    }
    const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10);
    const idNumber = makeIdNumber(t.clerk.unitCode, birth, 500 + Math.floor(i / 20_000));
    if (known.has(idNumber)) continue;
    // Names as the person form takes them: Han characters only (a row named "新人12" is refused).
    ws.addRow([makeName(random, i % 2 ? 'female' : 'male'), idNumber, '建档立卡贫困人口', '2026-06-01']).commit();
    n++;
  }
  await ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
