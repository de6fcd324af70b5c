import { makeIdNumber, PROFILE_CATEGORIES, PROFILES, type TCategoryId, type TProfileId } from '@portal/rules';
import { and, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { hospitals, households, orgUnits, personCategories, persons, policyParamVersions, premiums, users } from '../schema/index.js';
import { HOSPITALS } from './hospitals.js';
import { createRandom, makeAddress, makeName, type Random } from './names.js';
import { JURISDICTIONS, type RegionSeed } from './regions.js';

export { JURISDICTIONS, type JurisdictionSeed, type RegionSeed } from './regions.js';
export { HOSPITALS, type HospitalSeed } from './hospitals.js';
export { createRandom, makeAddress, makeName, type Random } from './names.js';

export const SYSTEM_ROOT = { code: '000000', name: '医保扶贫经办系统', path: '/000000/' } as const;
export const DEMO_PASSWORD = 'Demo@2026';

/**
 * Named demo persons with one known category each, in the first demo county of each jurisdiction,
 * so that the worked examples of the rules can be shown (and tested end to end) on real screens.
 */
export const EXAMPLE_PERSONS: {
  name: string;
  county: string;
  birthDate: string;
  sequence: number;
  category: TCategoryId;
  since: string;
  address: string;
}[] = [
  {
    name: '王建国',
    county: '522732',
    birthDate: '1962-03-15',
    sequence: 11,
    category: 'registered_poor',
    since: '2016-03-01',
    address: '三都水族自治县周覃镇新华村3组',
  },
  {
    name: '韦秀兰',
    county: '522732',
    birthDate: '1950-11-02',
    sequence: 22,
    category: 'extreme_poverty',
    since: '2017-01-01',
    address: '三都水族自治县普安镇太平村5组',
  },
  {
    name: '李秀英',
    county: '430121',
    birthDate: '1958-07-21',
    sequence: 42,
    category: 'registered_poor',
    since: '2015-06-01',
    address: '长沙县福临镇和平村8组',
  },
  {
    name: '张志强',
    county: '421222',
    birthDate: '1966-05-09',
    sequence: 31,
    category: 'relapsed_poverty',
    since: '2021-06-01',
    address: '通城县隽水镇石桥村2组',
  },
  {
    name: '刘桂兰',
    county: '421222',
    birthDate: '1955-09-30',
    sequence: 62,
    category: 'extreme_poverty',
    since: '2019-01-01',
    address: '通城县麦市镇清水村6组',
  },
  {
    name: '吴建军',
    county: '421222',
    birthDate: '1970-02-14',
    sequence: 51,
    category: 'sudden_hardship',
    since: '2021-09-01',
    address: '通城县塘湖镇龙泉村1组',
  },
  {
    name: '陈玉兰',
    county: '210123',
    birthDate: '1960-12-01',
    sequence: 82,
    category: 'registered_poor',
    since: '2016-05-01',
    address: '康平县郝官屯镇光明村4组',
  },
  {
    name: '赵德福',
    county: '371002',
    birthDate: '1949-04-18',
    sequence: 71,
    category: 'extreme_poverty',
    since: '2016-01-01',
    address: '环翠区孙家疃街道青山村7组',
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: 'clerk' | 'reviewer' | 'supervisor' | 'admin';
  orgUnitCode: string;
  profile: TProfileId | null;
}

/** The department whose list identifies each category (the rest come from civil affairs). */
export const SOURCE_OF: Partial<Record<TCategoryId, 'civil_affairs' | 'poverty_office' | 'disabled_federation'>> = {
  registered_poor: 'poverty_office',
  relapsed_poverty: 'poverty_office',
  unstable_exit: 'poverty_office',
  marginal: 'poverty_office',
  sudden_hardship: 'poverty_office',
  stable_exit: 'poverty_office',
  guaranteed_family: 'poverty_office',
  poor_disabled: 'disabled_federation',
  severe_disability: 'disabled_federation',
};

/** The demo accounts the seed creates (printed at start-up and used by e2e tests). */
export function listDemoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { username: 'sysadmin', displayName: '系统管理员', role: 'admin', orgUnitCode: SYSTEM_ROOT.code, profile: null },
  ];
  for (const j of JURISDICTIONS) {
    const root = j.root.code;
    accounts.push(
      { username: `${j.slug}-admin`, displayName: `${j.root.name}管理员`, role: 'admin', orgUnitCode: root, profile: j.profile },
      { username: `${j.slug}-supervisor`, displayName: `${j.root.name}监管`, role: 'supervisor', orgUnitCode: root, profile: j.profile },
    );
    j.demoCounties.forEach((code, i) => {
      accounts.push(
        {
          username: `${j.slug}-clerk${i + 1}`,
          displayName: `经办员${i + 1}（${j.slug.toUpperCase()}）`,
          role: 'clerk',
          orgUnitCode: code,
          profile: j.profile,
        },
        {
          username: `${j.slug}-reviewer${i + 1}`,
          displayName: `审核员${i + 1}（${j.slug.toUpperCase()}）`,
          role: 'reviewer',
          orgUnitCode: code,
          profile: j.profile,
        },
        // A second reviewer of the county: four eyes (decision 0009) need a person who neither took a
        // case in nor reviewed it to pay it, and a reviewer other than the declarer to approve an advance.
        {
          username: `${j.slug}-reviewer${i + 1}b`,
          displayName: `审核员${i + 1}乙（${j.slug.toUpperCase()}）`,
          role: 'reviewer',
          orgUnitCode: code,
          profile: j.profile,
        },
      );
    });
  }
  // City clerks of three Liaoning cities: they report the responsibility-assignment table
  // (辽医保〔2019〕8号 annex 2) to the province — docs/decisions/0100.
  for (const [slug, code, name] of LIAONING_REPORTING_CITIES) {
    accounts.push({
      username: `ln-city-clerk-${slug}`,
      displayName: `${name}经办员`,
      role: 'clerk',
      orgUnitCode: code,
      profile: 'liaoning-2019',
    });
  }
  return accounts;
}

/** Liaoning cities with a demo clerk account for the responsibility table. */
export const LIAONING_REPORTING_CITIES = [
  ['shenyang', '210100', '沈阳市'],
  ['dalian', '210200', '大连市'],
  ['anshan', '210300', '鞍山市'],
] as const;

async function insertRegion(
  tx: DbOrTx,
  region: RegionSeed,
  parent: { id: string; path: string },
  profile: TProfileId,
  out: Map<string, { id: string; path: string; name: string }>,
) {
  const path = `${parent.path}${region.code}/`;
  const [row] = await tx
    .insert(orgUnits)
    .values({
      code: region.code,
      name: region.name,
      level: region.level,
      parentId: parent.id,
      path,
      profile,
      isDemo: region.isDemo ?? false,
    })
    .returning({ id: orgUnits.id });
  if (!row) throw new Error('org unit insert failed');
  out.set(region.code, { id: row.id, path, name: region.name });
  for (const child of region.children ?? []) await insertRegion(tx, child, { id: row.id, path }, profile, out);
}

/** The system root and the five jurisdictions' region trees (demo-only units when asked). */
async function insertRegionTree(tx: DbOrTx, options: { includeDemoUnits: boolean }) {
  const [root] = await tx
    .insert(orgUnits)
    .values({ code: SYSTEM_ROOT.code, name: SYSTEM_ROOT.name, level: 'system', path: SYSTEM_ROOT.path })
    .returning({ id: orgUnits.id });
  if (!root) throw new Error('root insert failed');
  const units = new Map<string, { id: string; path: string; name: string }>();
  units.set(SYSTEM_ROOT.code, { id: root.id, path: SYSTEM_ROOT.path, name: SYSTEM_ROOT.name });
  const keep = (r: RegionSeed): RegionSeed | null =>
    !options.includeDemoUnits && r.isDemo
      ? null
      : { ...r, children: (r.children ?? []).map(keep).filter((c): c is RegionSeed => c !== null) };
  for (const j of JURISDICTIONS) {
    const region = keep(j.root);
    if (region) await insertRegion(tx, region, { id: root.id, path: SYSTEM_ROOT.path }, j.profile, units);
  }
  return units;
}

/**
 * A production database's first start: the region tree of the five jurisdictions (real GB/T 2260
 * codes, no demo units), each jurisdiction's initial parameter version, and one system
 * administrator with a random one-time password that must be changed at first sign-in. No demo
 * people, hospitals or accounts. Does nothing when org units exist.
 */
export async function seedProduction(db: Db, options: { hashPassword: (p: string) => Promise<string>; initialPassword: string }) {
  const existing = await db.select({ n: count() }).from(orgUnits);
  if ((existing[0]?.n ?? 0) > 0) return { seeded: false as const };
  const passwordHash = await options.hashPassword(options.initialPassword);
  return db.transaction(async (tx) => {
    const units = await insertRegionTree(tx, { includeDemoUnits: false });
    const root = units.get(SYSTEM_ROOT.code)!;
    await tx.insert(users).values({
      username: 'sysadmin',
      displayName: '系统管理员',
      role: 'admin',
      orgUnitId: root.id,
      passwordHash,
      mustChangePassword: true,
    });
    for (const j of JURISDICTIONS) {
      const owner = units.get(j.root.code);
      if (!owner) continue;
      await tx.insert(policyParamVersions).values({
        orgUnitId: owner.id,
        regionPath: owner.path,
        profile: j.profile,
        version: 1,
        effectiveFrom: `${PROFILES[j.profile].fromYear}-01-01`,
        settle: {},
        subsidy: {},
        note: '初始参数：采用政策文件规定值及系统默认的地方参数（请管理员核实本地参数）',
      });
    }
    return { seeded: true as const, units: units.size };
  });
}

/** Active accounts that still have the published demo password (a production server refuses them). */
export async function countDemoPasswordAccounts(db: Db): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.hasDemoPassword, true), eq(users.isActive, true)));
  return rows[0]?.n ?? 0;
}

/**
 * Creates the region tree of the five jurisdictions, the demo accounts and a few hundred
 * beneficiaries, once: it does nothing when org units already exist. `hashPassword` comes from
 * the server so this package stays free of the hashing library.
 */
export async function seedDemo(db: Db, options: { hashPassword: (p: string) => Promise<string>; personsPerJurisdiction?: number }) {
  const existing = await db.select({ n: count() }).from(orgUnits);
  if ((existing[0]?.n ?? 0) > 0) return { seeded: false as const };
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  const perJurisdiction = options.personsPerJurisdiction ?? 80;
  return db.transaction(async (tx) => {
    const units = await insertRegionTree(tx, { includeDemoUnits: true });

    await tx.insert(users).values(
      listDemoAccounts().map((a) => {
        const unit = units.get(a.orgUnitCode);
        if (!unit) throw new Error(`unknown org unit ${a.orgUnitCode}`);
        // The published demo password: a production server refuses to start while one is active.
        return { username: a.username, displayName: a.displayName, role: a.role, orgUnitId: unit.id, passwordHash, hasDemoPassword: true };
      }),
    );

    for (const j of JURISDICTIONS) {
      const owner = units.get(j.root.code);
      if (!owner) throw new Error(`unknown jurisdiction ${j.root.code}`);
      await tx.insert(hospitals).values(
        HOSPITALS[j.profile].map((hs) => ({
          ...hs,
          ownerOrgUnitId: owner.id,
          regionPath: owner.path,
          referralTier: hs.referralTier ?? null,
        })),
      );
      await tx.insert(policyParamVersions).values({
        orgUnitId: owner.id,
        regionPath: owner.path,
        profile: j.profile,
        version: 1,
        effectiveFrom: `${PROFILES[j.profile].fromYear}-01-01`,
        settle: {},
        subsidy: {},
        note: '初始参数：采用政策文件规定值及系统默认的地方参数',
      });
      await tx
        .insert(premiums)
        .values(demoPremiums(PROFILES[j.profile].fromYear).map((p) => ({ ...p, orgUnitId: owner.id, regionPath: owner.path })));
    }

    let personCount = 0;
    for (const example of EXAMPLE_PERSONS) {
      const unit = units.get(example.county);
      if (!unit) throw new Error(`unknown county ${example.county}`);
      const [person] = await tx
        .insert(persons)
        .values({
          name: example.name,
          idNumber: makeIdNumber(example.county, example.birthDate, example.sequence),
          sex: example.sequence % 2 === 1 ? 'male' : 'female',
          birthDate: example.birthDate,
          hukouType: 'rural',
          address: example.address,
          orgUnitId: unit.id,
          regionPath: unit.path,
          phone: '13900000000',
          bankAccount: '6217000000000000019',
          bankName: '农村信用社',
          relationship: '户主',
        })
        .returning({ id: persons.id });
      await tx.insert(personCategories).values({
        personId: person!.id,
        category: example.category,
        startDate: example.since,
        sourceDepartment: SOURCE_OF[example.category] ?? 'civil_affairs',
        sourceDocument: '演示：政策测算示例人员',
      });
      personCount++;
    }
    for (const [index, j] of JURISDICTIONS.entries()) {
      const random = createRandom(20190624 + index);
      const counties = collectCounties(j.root);
      // Most people live in the demo counties so that the demo clerks have work to do.
      const weighted = [...j.demoCounties, ...j.demoCounties, ...counties.map((c) => c.code)];
      let made = 0;
      let sequence = 1;
      while (made < perJurisdiction) {
        const code = random.pick(weighted);
        const unit = units.get(code);
        const countyName = counties.find((c) => c.code === code)?.name ?? '';
        if (!unit) throw new Error(`unknown county ${code}`);
        const size = Math.min(random.int(1, 5), perJurisdiction - made);
        const place = makeAddress(random, countyName);
        const [household] = await tx
          .insert(households)
          .values({
            householdNo: `${code}${String(sequence).padStart(6, '0')}`,
            orgUnitId: unit.id,
            regionPath: unit.path,
            address: place.address,
          })
          .returning({ id: households.id });
        if (!household) throw new Error('household insert failed');
        const householdCategories = pickCategories(random, j.profile);
        let headId: string | null = null;
        for (let m = 0; m < size; m++) {
          const sex = m === 1 ? 'female' : random.chance(0.5) ? 'male' : 'female';
          const birthYear = m === 0 ? random.int(1945, 1985) : m === 1 ? random.int(1948, 1988) : random.int(1990, 2016);
          const birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
          const idNumber = makeIdNumber(code, birthDate, sexSequence(random, sex));
          const [person] = await tx
            .insert(persons)
            .values({
              name: makeName(random, sex),
              idNumber,
              sex,
              birthDate,
              hukouType: random.chance(0.85) ? 'rural' : 'urban',
              address: place.address,
              orgUnitId: unit.id,
              regionPath: unit.path,
              phone: m === 0 ? `1${random.pick(['3', '5', '8', '9'])}${String(random.int(0, 999999999)).padStart(9, '0')}` : null,
              bankAccount:
                m === 0
                  ? `6217${String(random.int(0, 999999999)).padStart(9, '0')}${String(random.int(0, 999999)).padStart(6, '0')}`
                  : null,
              bankName: m === 0 ? random.pick(['农村信用社', '中国农业银行', '中国邮政储蓄银行', '中国建设银行']) : null,
              insuranceCardNo: `${code}${String(random.int(0, 99999999)).padStart(8, '0')}`,
              householdId: household.id,
              relationship: m === 0 ? '户主' : m === 1 ? '配偶' : random.pick(['子', '女', '孙子', '孙女']),
            })
            .onConflictDoNothing()
            .returning({ id: persons.id });
          sequence++;
          if (!person) continue;
          headId ??= person.id;
          await tx.insert(personCategories).values(
            householdCategories.map((c) => ({
              personId: person.id,
              category: c.category,
              startDate: c.startDate,
              endDate: c.endDate,
              sourceDepartment: SOURCE_OF[c.category] ?? 'civil_affairs',
              sourceDocument: c.document,
            })),
          );
          made++;
          personCount++;
        }
        if (headId) await tx.update(households).set({ headPersonId: headId }).where(eq(households.id, household.id));
      }
    }
    return { seeded: true as const, persons: personCount, units: units.size };
  });
}

/**
 * The national minimum individual premium of the urban-rural residents' scheme (国家规定的城乡居民
 * 医保个人缴费最低标准), in fen, by year. The demo seeds it for every jurisdiction so that a subsidy
 * run works out of the box; the local standard may be higher and is not confirmed (README).
 */
export const NATIONAL_MIN_PREMIUM: Record<number, number> = {
  2017: 18_000,
  2018: 22_000,
  2019: 25_000,
  2020: 28_000,
  2021: 32_000,
  2022: 35_000,
  2023: 38_000,
  2024: 40_000,
  2025: 40_000,
};
const LAST_KNOWN_PREMIUM_YEAR = 2025;

/** Demo premium rows from the profile's first year to next year; years after 2025 repeat 2025's, marked. */
export function demoPremiums(fromYear: number, throughYear = Math.max(2026, new Date().getFullYear()) + 1) {
  const rows: { year: number; tier1: number; tier2: null; note: string }[] = [];
  for (let year = fromYear; year <= throughYear; year++) {
    const known = NATIONAL_MIN_PREMIUM[year];
    rows.push({
      year,
      tier1: known ?? NATIONAL_MIN_PREMIUM[LAST_KNOWN_PREMIUM_YEAR]!,
      tier2: null,
      note:
        known !== undefined
          ? `演示数据：按国家规定的 ${year} 年个人缴费最低标准填入，本地标准未经确认`
          : `演示数据：${year} 年标准未公布，暂沿用 ${LAST_KNOWN_PREMIUM_YEAR} 年国家最低标准，未经确认`,
    });
  }
  return rows;
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

function sexSequence(random: Random, sex: 'male' | 'female') {
  const base = random.int(0, 499) * 2;
  return sex === 'male' ? base + 1 : base;
}

function collectCounties(region: RegionSeed): RegionSeed[] {
  if (region.level === 'county') return [region];
  return (region.children ?? []).flatMap(collectCounties);
}

function pickCategories(random: Random, profile: TProfileId) {
  const allowed = PROFILE_CATEGORIES[profile].filter((c) => c !== 'ordinary');
  const fromYear = { 'qiannan-2019': 2016, 'hunan-2017': 2015, 'xianning-2022': 2019, 'liaoning-2019': 2016, 'weihai-2019': 2016 }[profile];
  const main = random.pick(allowed);
  const chosen: { category: TCategoryId; startDate: string; endDate: string | null; document: string }[] = [];
  const start = `${random.int(fromYear, fromYear + 2)}-${pad(random.int(1, 12))}-01`;
  chosen.push({
    category: main,
    startDate: start,
    endDate: null,
    document: `${random.int(fromYear, fromYear + 2)}年第${random.int(1, 12)}批名单`,
  });
  if (random.chance(0.2)) {
    const second = random.pick(allowed);
    if (second !== main) {
      const ended = random.chance(0.3);
      chosen.push({
        category: second,
        startDate: `${fromYear}-0${random.int(1, 9)}-01`,
        endDate: ended ? `${fromYear + 1}-12-31` : null,
        document: `${fromYear}年比对名单`,
      });
    }
  }
  return chosen;
}
