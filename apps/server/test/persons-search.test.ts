import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons, sql, type DbHandle } from '@portal/db';
import { makeIdNumber } from '@portal/rules';
import { EXACT_COUNT_LIMIT } from '../src/core/index.js';
import { callerAs, indexPlanOf, makeTree, setupDb } from './helpers.js';

/**
 * The register's search at scale (issue 13): keyset pages that never skip or repeat a person, a
 * name searched by its start, an ID number by its last digits, a count that is exact up to a bound
 * and an estimate above it — and an index whose order is each search's order.
 */
let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const SURNAMES = ['张', '王', '李', '赵', '刘'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊'];

async function fill(tree: Awaited<ReturnType<typeof makeTree>>, n: number, offset = 0) {
  const rows = Array.from({ length: n }, (_, i) => {
    const k = i + offset;
    const county = k % 3 === 0 ? tree.countyB : tree.countyA;
    const birth = `19${50 + (k % 50)}-0${1 + (k % 9)}-1${k % 10}`;
    return {
      name: `${SURNAMES[k % SURNAMES.length]}${GIVEN[Math.floor(k / 5) % GIVEN.length]}${k % 7 === 0 ? '' : GIVEN[k % GIVEN.length]}`,
      idNumber: makeIdNumber(tree.countyA.code, birth, k % 1000),
      sex: 'male' as const,
      birthDate: birth,
      hukouType: 'rural' as const,
      orgUnitId: county.id,
      regionPath: county.path,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await handle.db.insert(persons).values(rows.slice(i, i + 500));
  return rows;
}

async function allPages(
  list: (cursor?: string) => Promise<{ items: { id: string; name: string; orgUnitId: string }[]; nextCursor: string | null }>,
) {
  const seen: { id: string; name: string; orgUnitId: string }[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await list(cursor);
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('persons.list by keyset', () => {
  it('pages through a region without skipping or repeating anyone, in region-then-name order', async () => {
    const tree = await makeTree(handle);
    const rows = await fill(tree, 90);
    const { caller } = await callerAs(handle, 'supervisor', tree.root.id);
    const seen = await allPages((cursor) => caller.persons.list({ cursor, pageSize: 7 }));
    expect(seen).toHaveLength(rows.length);
    expect(new Set(seen.map((p) => p.id)).size).toBe(rows.length);
    const first = await caller.persons.list({ pageSize: 7 });
    expect(first.count).toEqual({ value: 90, isEstimate: false });
    // County by county, names ascending within each (code point order, as the index keeps them).
    const blocks = seen.map((p) => p.orgUnitId).filter((u, i, all) => i === 0 || all[i - 1] !== u);
    expect(blocks).toHaveLength(2);
    for (const unit of blocks) {
      const names = seen.filter((p) => p.orgUnitId === unit).map((p) => p.name);
      expect(names).toEqual([...names].sort());
    }
  });

  it('a county clerk searches by the start of a name and by the last digits of an ID number, only in the county', async () => {
    const tree = await makeTree(handle);
    const rows = await fill(tree, 60);
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const inA = rows.filter((r) => r.regionPath === tree.countyA.path);

    const zhang = await allPages((cursor) => caller.persons.list({ q: '张', cursor, pageSize: 4 }));
    expect(zhang.map((p) => p.name).sort()).toEqual(
      inA
        .filter((r) => r.name.startsWith('张'))
        .map((r) => r.name)
        .sort(),
    );

    const target = inA[5]!;
    const bySuffix = await caller.persons.list({ q: target.idNumber.slice(-6) });
    expect(bySuffix.items.map((p) => p.name)).toContain(target.name);
    expect(bySuffix.items.every((p) => inA.some((r) => r.name === p.name))).toBe(true);
    const exact = await caller.persons.list({ q: target.idNumber.toLowerCase() });
    expect(exact.items).toHaveLength(1);

    // A wildcard typed into the box is a character, not a pattern.
    expect((await caller.persons.list({ q: '%' })).items).toHaveLength(0);
    expect((await caller.persons.list({ q: '_' })).items).toHaveLength(0);
    // A person of the other county is not found by its number.
    const other = rows.find((r) => r.regionPath === tree.countyB.path)!;
    expect((await caller.persons.list({ q: other.idNumber })).items).toHaveLength(0);
  });

  it('counts exactly up to the bound and says 约 (an estimate) above it', async () => {
    const tree = await makeTree(handle);
    await fill(tree, EXACT_COUNT_LIMIT + 60);
    await handle.db.execute(sql`analyze persons`);
    const { caller } = await callerAs(handle, 'supervisor', tree.root.id);
    const page = await caller.persons.list({});
    expect(page.count.isEstimate).toBe(true);
    expect(page.count.value).toBeGreaterThan(EXACT_COUNT_LIMIT);
    const county = await caller.persons.list({ q: '王伟' });
    expect(county.count.isEstimate).toBe(false);
  });

  it('each search shape is served by an index in the list order (no sort over the region)', async () => {
    const tree = await makeTree(handle);
    await fill(tree, 30);
    await handle.db.execute(sql`analyze persons`);
    const plan = (query: ReturnType<typeof sql>) => indexPlanOf(handle, query);
    const region = `${tree.root.path}%`;
    const browse = await plan(sql`select id from persons where region_path like ${region} order by region_path, name, id limit 21`);
    expect(browse).toContain('persons_region_name_idx');
    expect(browse).not.toMatch(/Sort/);
    const byName = await plan(sql`select id from persons where name like '张%' and region_path like ${region} order by name, id limit 21`);
    expect(byName).toContain('persons_name_idx');
    expect(byName).not.toMatch(/Sort/);
    const bySuffix = await plan(sql`select id from persons where reverse(id_number) like '1234%'`);
    expect(bySuffix).toContain('persons_id_number_reversed_idx');
  });
});

describe('keyset over timestamps', () => {
  it('never skips rows written within one millisecond (the cursor keeps microseconds)', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'admin', tree.root.id);
    for (let i = 1; i <= 5; i++) {
      await handle.db.execute(
        sql`insert into audit_log (at, action, entity, entity_id, region_path) values (${`2026-01-01T00:00:00.12300${i}Z`}::timestamptz, 'person.update', 'person', ${`k${i}`}, ${tree.countyA.path})`,
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.audit.list({ orgUnitId: tree.countyA.id, limit: 2, cursor });
      seen.push(...page.items.map((r) => r.entityId ?? ''));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['k5', 'k4', 'k3', 'k2', 'k1']);
  });
});
