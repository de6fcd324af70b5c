import type { Probe } from './probe.js';

export interface Account {
  username: string;
  /** Org unit name and code, and how many persons its region holds. */
  unitName: string;
  unitCode: string;
  unitPath: string;
  persons: number;
}

export interface Inputs {
  idSuffixes: string[];
  names: string[];
  personIds: string[];
}

export interface Targets {
  /**
   * The ledger and claim year (the year of the data set's last day), the board month (its last
   * full month), and the day of the benchmark's claims: today in China, or the data set's last
   * day when the data ends earlier (its persons are enrolled up to then).
   */
  year: number;
  month: string;
  today: string;
  clerk: Account;
  supervisor: Account;
  province: Account;
  national: Account;
  clerkInputs: Inputs;
  supervisorInputs: Inputs;
  /** Outpatient visits on `today` for enrolled persons of the clerk's county, at its own hospitals. */
  claimEntries: Record<string, unknown>[];
  /** Registered persons of the clerk's county (the list import compares against them). */
  countyPersons: { name: string; idNumber: string }[];
  /** Ledger rows the national supervisor's export holds (beneficiaries of `year`). */
  ledgerRows: number;
  tables: { table: string; rows: number; tableMb: number; indexMb: number; totalMb: number }[];
}

/** Today in China (UTC+8) as YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const PREFECTURE = '522700'; // 黔南州: twelve counties, the largest jurisdiction of the data set
const PROVINCE = '430000'; // 湖南省

/**
 * Picks who the benchmark signs in as and what it asks for, from the data: the largest county
 * of the prefecture (its first clerk), the prefecture's and the province's supervisors, the
 * system-wide supervisor (the 1 000 000-row ledger export), and for each a deterministic sample
 * of ID suffixes, names and person ids of its region.
 */
export async function gatherTargets(probe: Probe, options: { until: string }): Promise<Targets> {
  const u = options.until;
  const now = chinaToday();
  const today = now < u ? now : u;
  const year = Number(today.slice(0, 4));
  const month = Number(u.slice(8, 10)) >= 28 ? u.slice(0, 7) : previousMonth(u.slice(0, 7));
  const unit = async (code: string) => {
    const [row] = await probe.q<{ id: string; name: string; path: string }>('select id, name, path from org_units where code = $1', [code]);
    if (!row) throw new Error(`org unit ${code} missing: is this a seed:scale database?`);
    return row;
  };
  const count = async (path: string) =>
    Number((await probe.q<{ n: string }>(`select count(*)::text as n from persons where region_path like $1`, [`${path}%`]))[0]?.n ?? 0);
  const pref = await unit(PREFECTURE);
  const [biggest] = await probe.q<{ code: string; name: string; path: string; n: string }>(
    `select o.code, o.name, o.path, count(*)::text as n from persons p join org_units o on o.id = p.org_unit_id
      where o.path like $1 and o.level = 'county' group by o.code, o.name, o.path order by count(*) desc limit 1`,
    [`${pref.path}%`],
  );
  if (!biggest) throw new Error('no persons in the prefecture: generate data with pnpm seed:scale first');
  const prov = await unit(PROVINCE);
  const root = await unit('000000');
  const account = async (code: string, suffix: string, u: { name: string; path: string }, persons?: number): Promise<Account> => ({
    username: `sc-${code}-${suffix}`,
    unitName: u.name,
    unitCode: code,
    unitPath: u.path,
    persons: persons ?? (await count(u.path)),
  });
  const clerk = await account(biggest.code, 'clerk1', biggest, Number(biggest.n));
  const supervisor = await account(PREFECTURE, 'supervisor', pref);
  const province = await account(PROVINCE, 'supervisor', prov);
  const national = await account('000000', 'supervisor', root);

  const inputs = async (path: string): Promise<Inputs> => {
    const rows = await probe.q<{ id: string; id_number: string; name: string }>(
      `select id, id_number, name from persons where region_path like $1 order by md5(id::text) limit 300`,
      [`${path}%`],
    );
    return { idSuffixes: rows.map((r) => r.id_number.slice(-6)), names: rows.map((r) => r.name), personIds: rows.map((r) => r.id) };
  };
  const [hospital] = await probe.q<{ id: string }>(
    `select id from hospitals where region_code = $1 and is_networked and is_active order by level, code limit 1`,
    [clerk.unitCode],
  );
  const enrolled = await probe.q<{ id: string }>(
    `select p.id from persons p join enrollments e on e.person_id = p.id and e.year = $2 and e.basic_enrolled and e.enrolled_on <= $3
      where p.region_path = $1 order by md5(p.id::text) limit 3000`,
    [clerk.unitPath, year, today],
  );
  const claimEntries = enrolled.map((p, i) => ({
    personId: p.id,
    hospitalId: hospital?.id,
    visitType: 'outpatient',
    admissionDate: today,
    dischargeDate: today,
    diagnosis: '上呼吸道感染',
    specialDisease: null,
    totalCost: 8_000 + (i % 50) * 300,
    inScopeCost: 6_000 + (i % 50) * 200,
    specialDrugCost: 0,
  }));
  const countyPersons = (
    await probe.q<{ name: string; id_number: string }>(`select name, id_number from persons where region_path = $1 order by id`, [
      clerk.unitPath,
    ])
  ).map((r) => ({ name: r.name, idNumber: r.id_number }));
  const [ledger] = await probe.q<{ n: string }>(
    `select count(*)::text as n from persons p where exists (select 1 from person_categories pc where pc.person_id = p.id
       and pc.category <> 'ordinary' and pc.start_date <= $1 and (pc.end_date is null or pc.end_date >= $2))`,
    [`${year}-12-31`, `${year}-01-01`],
  );
  return {
    year,
    month,
    today,
    clerk,
    supervisor,
    province,
    national,
    clerkInputs: await inputs(clerk.unitPath),
    supervisorInputs: await inputs(supervisor.unitPath),
    claimEntries,
    countyPersons,
    ledgerRows: Number(ledger?.n ?? 0),
    tables: await tableSizes(probe),
  };
}

/** Exact row counts and sizes of every table (largest first). */
export async function tableSizes(probe: Probe) {
  const rels = await probe.q<{ relname: string; t: string; i: string; all: string }>(
    `select c.relname, pg_table_size(c.oid)::text as t, pg_indexes_size(c.oid)::text as i, pg_total_relation_size(c.oid)::text as all
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`,
  );
  const out: Targets['tables'] = [];
  for (const r of rels) {
    const [c] = await probe.q<{ n: string }>(`select count(*)::text as n from "${r.relname}"`);
    const mb = (s: string) => Math.round((Number(s) / 1024 / 1024) * 10) / 10;
    out.push({ table: r.relname, rows: Number(c?.n ?? 0), tableMb: mb(r.t), indexMb: mb(r.i), totalMb: mb(r.all) });
  }
  return out;
}

function previousMonth(ym: string) {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
