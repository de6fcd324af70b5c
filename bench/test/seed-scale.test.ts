import { createHash } from 'node:crypto';
import { openDb, sql, type DbHandle } from '@portal/db';
import { addYtd, createEmptyYtd, parseIdNumber, settle, ZYtd, type TSettleRequest, type TSettleResult, type TYtd } from '@portal/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScale, RefusedError, type ScaleOptions, type ScaleReport } from '../src/seed-scale/generate.js';

/**
 * The generator at a tiny size on PGlite: valid and unique ID numbers, accumulators equal to the
 * sum of the settled claims of each person and year, claims the rules package would settle the
 * same way, refusal of a database that is not empty, append, and the same data from the same seed.
 */
const OPTIONS: ScaleOptions = {
  persons: 200,
  claims: 600,
  seed: 7,
  until: '2026-11-15',
  years: 4,
  append: false,
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$dGVzdHRlc3R0ZXN0$0000000000000000000000000000000000000000000',
  log: () => {},
};

let snapshot: Blob | null = null;

/** A fresh in-memory PGlite, migrated once and copied (PGlite always: the generator refuses a shared database). */
async function open(): Promise<DbHandle> {
  if (!snapshot) {
    const first = await openDb({ dataDir: 'memory://' });
    await first.migrate();
    snapshot = await first.pglite!.dumpDataDir('none');
    await first.close();
  }
  return openDb({ dataDir: 'memory://', loadDataDir: snapshot });
}

async function rows<R>(handle: DbHandle, text: string): Promise<R[]> {
  return ((await handle.db.execute(sql.raw(text))) as unknown as { rows: R[] }).rows;
}

let handle: DbHandle;
let report: ScaleReport;

beforeAll(async () => {
  handle = await open();
  report = await generateScale({ handle, pglite: handle.pglite }, OPTIONS);
});
afterAll(async () => {
  await handle?.close();
});

describe('seed:scale at 200 persons / 600 claims (PGlite)', () => {
  it('writes exactly the persons and settled claims asked for', async () => {
    expect(report.counts.persons).toBe(200);
    const [c] = await rows<{ persons: number; settled: number }>(
      handle,
      `select (select count(*)::int from persons) as persons, (select count(*)::int from claims where status = 'settled') as settled`,
    );
    expect(c).toEqual({ persons: 200, settled: 600 });
    expect(report.counts.settledClaims).toBe(600);
  });

  it('gives every person a valid, unique ID number matching the birth date, sex and county', async () => {
    const people = await rows<{ id_number: string; birth_date: string; sex: string; code: string }>(
      handle,
      `select p.id_number, p.birth_date::text, p.sex, o.code from persons p join org_units o on o.id = p.org_unit_id`,
    );
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
    for (const p of people) {
      const parsed = parseIdNumber(p.id_number, '2026-11-15');
      expect(parsed.ok, p.id_number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.birthDate).toBe(p.birth_date);
      expect(parsed.value.sex).toBe(p.sex);
      expect(p.id_number.slice(0, 6)).toBe(p.code);
    }
  });

  it('stores accumulators equal to the sum of the settled claims of each person and year', async () => {
    const claims = await rows<{ person_id: string; year: number; status: string; result: TSettleResult; ytd_before: TYtd; basic: number }>(
      handle,
      `select person_id, year, status, result, ytd_before, basic from claims where kind = 'settlement' order by person_id, year, created_at, claim_no`,
    );
    const accs = await rows<{ person_id: string; year: number; ytd: TYtd; claim_count: number }>(
      handle,
      'select person_id, year, ytd, claim_count from person_year_accumulators',
    );
    const expected = new Map<string, { ytd: TYtd; count: number }>();
    for (const c of claims) {
      if (c.status !== 'settled') continue;
      const key = `${c.person_id}|${c.year}`;
      const e = expected.get(key) ?? { ytd: createEmptyYtd(), count: 0 };
      // Each claim was settled on the accumulators as they stood before it.
      expect(ZYtd.parse(c.ytd_before)).toEqual(e.ytd);
      expected.set(key, { ytd: addYtd(e.ytd, c.result.ytdDelta), count: e.count + 1 });
    }
    expect(accs.length).toBe(expected.size);
    for (const a of accs) {
      const e = expected.get(`${a.person_id}|${a.year}`);
      expect(e, `${a.person_id} ${a.year}`).toBeDefined();
      expect(ZYtd.parse(a.ytd)).toEqual(e!.ytd);
      expect(a.claim_count).toBe(e!.count);
    }
    // And a plain SUM over all rows (reversals carry negated amounts) equals the settled claims.
    const [sums] = await rows<{ all_rows: string; settled: string }>(
      handle,
      `select sum(basic)::text as all_rows, sum(basic) filter (where status = 'settled')::text as settled from claims`,
    );
    expect(sums!.all_rows).toBe(sums!.settled);
  });

  it('stores what the rules package settles for the stored request, with matching columns and lines', async () => {
    const sample = await rows<{
      id: string;
      request: TSettleRequest;
      result: TSettleResult;
      basic: number;
      assistance: number;
      fund_paid: number;
    }>(handle, `select id, request, result, basic, assistance, fund_paid from claims where status = 'settled' order by claim_no limit 150`);
    for (const c of sample) {
      const again = settle(c.request);
      expect(again).toEqual(c.result);
      expect(Number(c.fund_paid)).toBe(again.totals.fundPaid);
      const sumTier = (tier: string) => again.lines.filter((l) => l.tier === tier).reduce((s, l) => s + l.amount, 0);
      expect(Number(c.basic)).toBe(sumTier('basic'));
      expect(Number(c.assistance)).toBe(sumTier('assistance'));
      const lines = await rows<{ tier: string; amount: number }>(
        handle,
        `select tier, amount from claim_lines where claim_id = '${c.id}' order by seq`,
      );
      expect(lines.map((l) => [l.tier, Number(l.amount)])).toEqual(again.lines.map((l) => [l.tier, l.amount]));
    }
  });

  it('links every claim to an enrollment of its year and a referral decision the registry supports', async () => {
    const [bad] = await rows<{ unenrolled: number; dangling: number }>(
      handle,
      `select
         (select count(*)::int from claims c where not exists (select 1 from enrollments e where e.person_id = c.person_id
            and e.year = extract(year from c.admission_date) and e.basic_enrolled and e.enrolled_on <= c.admission_date)) as unenrolled,
         (select count(*)::int from claims c where c.referral_source = 'registry' and not exists (
            select 1 from referrals r where r.id = c.referral_id and r.status = 'registered' and r.destination_hospital_id = c.hospital_id
              and r.issue_date <= c.admission_date and r.valid_until >= c.admission_date)
            and not exists (select 1 from offsite_registrations o where o.id = c.referral_id)) as dangling`,
    );
    expect(bad).toEqual({ unenrolled: 0, dangling: 0 });
  });

  it('writes users of every role, audit rows and the other tables', async () => {
    const [c] = await rows<Record<string, number>>(
      handle,
      `select (select count(distinct role)::int from users) as roles, (select count(*)::int from audit_log) as audit,
              (select count(*)::int from households) as households, (select count(*)::int from hospitals) as hospitals,
              (select count(*)::int from advance_declarations) as advances, (select count(*)::int from list_batches) as batches`,
    );
    expect(c!.roles).toBe(4);
    expect(c!.audit).toBeGreaterThan(200 + 600);
    for (const k of ['households', 'hospitals', 'advances', 'batches']) expect(c![k], k).toBeGreaterThan(0);
  });

  it('refuses a database that is not empty, and appends with --append', async () => {
    await expect(generateScale({ handle, pglite: handle.pglite }, OPTIONS)).rejects.toBeInstanceOf(RefusedError);
    await generateScale({ handle, pglite: handle.pglite }, { ...OPTIONS, persons: 40, claims: 100, seed: 8, append: true });
    const [c] = await rows<{ persons: number; settled: number; ids: number }>(
      handle,
      `select count(*)::int as persons, count(distinct id_number)::int as ids,
              (select count(*)::int from claims where status = 'settled') as settled from persons`,
    );
    expect(c).toEqual({ persons: 240, ids: 240, settled: 700 });
  });

  it('makes the same data from the same seed', async () => {
    const fingerprint = async (h: DbHandle) => {
      const r = await rows<{ t: string }>(
        h,
        `select string_agg(claim_no || ':' || person_id || ':' || patient_pays, ',' order by claim_no) as t from claims`,
      );
      return createHash('sha256').update(r[0]!.t).digest('hex');
    };
    const a = await open();
    const b = await open();
    try {
      await generateScale({ handle: a, pglite: a.pglite }, { ...OPTIONS, persons: 60, claims: 150 });
      await generateScale({ handle: b, pglite: b.pglite }, { ...OPTIONS, persons: 60, claims: 150 });
      expect(await fingerprint(a)).toBe(await fingerprint(b));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
