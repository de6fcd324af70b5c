import { and, eq, hospitals, like, orgUnits, policyParamVersions, users, type Db } from '@portal/db';
import { HOSPITALS, JURISDICTIONS, makeAddress, makeName, SYSTEM_ROOT, type RegionSeed } from '@portal/db/seed';
import {
  locateHospital,
  PROFILES,
  resolveSettleParams,
  type TLocation,
  type TProfileId,
  type TRole,
  type TSettleParams,
} from '@portal/rules';
import type { Sink } from './copy.js';
import type { Rng } from './random.js';
import { T } from './tables.js';

/** Usernames of the scale data set start with this; `--append` finds the world by it. */
export const USER_PREFIX = 'sc-';
/** The password of every generated account (a benchmark data set, never a production one). */
export const SCALE_PASSWORD = 'Scale@2026';
const WORLD_CREATED = '2019-01-02 09:00:00+08';

export interface Unit {
  id: string;
  code: string;
  name: string;
  level: 'system' | 'province' | 'city' | 'county' | 'township';
  path: string;
  profile: TProfileId | null;
}

export interface Hospital {
  id: string;
  code: string;
  name: string;
  level: 1 | 2 | 3;
  regionCode: string;
  isNetworked: boolean;
  isSpecialDiseaseDesignated: boolean;
  referralTier: 'city' | 'provincial' | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  unit: Unit;
}

export interface County {
  index: number;
  unit: Unit;
  profile: TProfileId;
  /** The jurisdiction's parameter version in force (version 1 of its root). */
  paramVersionId: string | null;
  params: TSettleParams;
  /** Share of the people (relative weight). */
  weight: number;
  /** Networked hospitals by where they lie from this county. */
  own2: Hospital[];
  own1: Hospital[];
  city: Hospital[];
  province: Hospital[];
  far: Hospital[];
  /** Hospitals without direct settlement (零星报销). */
  nonNetworked: Hospital[];
  /** Networked hospitals outside the prefecture (州外联网就医, only the assistance part is paid here). */
  offsiteNetworked: Hospital[];
  /** The county hospital that issues referrals. */
  issuer: Hospital;
  clerks: User[];
  reviewer: User;
  townships: string[];
}

export interface World {
  units: Unit[];
  counties: County[];
  hospitals: Hospital[];
  users: User[];
  sysadmin: User;
}

function collectCounties(region: RegionSeed): RegionSeed[] {
  if (region.level === 'county') return [region];
  return (region.children ?? []).flatMap(collectCounties);
}

function locate(county: County, h: Hospital): TLocation {
  return locateHospital(county.unit.code, h.regionCode);
}

/** Sorts a jurisdiction's hospitals into the lists a county's visits pick from. */
function classify(county: County, list: readonly Hospital[]) {
  for (const h of list) {
    const where = locate(county, h);
    if (!h.isNetworked) {
      county.nonNetworked.push(h);
      continue;
    }
    if (where === 'in_county') (h.level === 1 ? county.own1 : county.own2).push(h);
    else if (where === 'in_city') county.city.push(h);
    else if (where === 'in_province') county.province.push(h);
    else county.far.push(h);
    if (where === 'in_province' || where === 'out_of_province') county.offsiteNetworked.push(h);
  }
  if (!county.own2.length) county.own2.push(...county.own1);
  if (!county.own1.length) county.own1.push(...county.own2);
  county.issuer = county.own2[0]!;
}

const emptyCounty = (index: number, unit: Unit, profile: TProfileId, weight: number): County => ({
  index,
  unit,
  profile,
  paramVersionId: null,
  params: resolveSettleParams(profile, {}),
  weight,
  own2: [],
  own1: [],
  city: [],
  province: [],
  far: [],
  nonNetworked: [],
  offsiteNetworked: [],
  issuer: null as unknown as Hospital,
  clerks: [],
  reviewer: null as unknown as User,
  townships: [],
});

function phone(rng: Rng) {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9)}`;
}

/**
 * The fixed part of the data set, written first: the system root and the five jurisdictions'
 * region trees (the seed's, demo counties included since Hunan and Liaoning list no others),
 * each jurisdiction's first parameter version, its hospital list (the seed's plus a county
 * hospital, a traditional-medicine hospital and township health centres for every county that
 * has none), and accounts of every role for every county (two clerks, a reviewer, a supervisor,
 * an administrator), every city and jurisdiction (a supervisor, an administrator), plus a system
 * administrator and a supervisor at the system root (whose scope is every person: the 1 000 000-row
 * ledger export of the benchmark).
 */
export function buildWorld(rng: Rng, sink: Sink, passwordHash: string): World {
  const units: Unit[] = [];
  const all: Hospital[] = [];
  const userList: User[] = [];
  const counties: County[] = [];
  const root: Unit = {
    id: rng.uuid(),
    code: SYSTEM_ROOT.code,
    name: SYSTEM_ROOT.name,
    level: 'system',
    path: SYSTEM_ROOT.path,
    profile: null,
  };
  const writeUnit = (u: Unit, parentId: string | null, isDemo: boolean) => {
    units.push(u);
    sink.write(T.orgUnits, [u.id, u.code, u.name, u.level, parentId, u.path, u.profile, isDemo, WORLD_CREATED, WORLD_CREATED]);
  };
  writeUnit(root, null, false);
  const addUser = (unit: Unit, role: TRole, suffix: string, displayName: string) => {
    const user: User = { id: rng.uuid(), username: `${USER_PREFIX}${unit.code}-${suffix}`, displayName, role, unit };
    userList.push(user);
    sink.write(T.users, [
      user.id,
      user.username,
      displayName,
      passwordHash,
      role,
      unit.id,
      phone(rng),
      true,
      0,
      false,
      false,
      false,
      WORLD_CREATED,
      WORLD_CREATED,
      WORLD_CREATED,
    ]);
    return user;
  };
  const sysadmin = addUser(root, 'admin', 'admin', '系统管理员（规模测试）');
  addUser(root, 'supervisor', 'supervisor', '全系统监管（规模测试）');

  for (const j of JURISDICTIONS) {
    const walk = (region: RegionSeed, parent: Unit) => {
      const unit: Unit = {
        id: rng.uuid(),
        code: region.code,
        name: region.name,
        level: region.level,
        path: `${parent.path}${region.code}/`,
        profile: j.profile,
      };
      writeUnit(unit, parent.id, region.isDemo ?? false);
      if (region.level !== 'county') {
        addUser(unit, 'supervisor', 'supervisor', `${unit.name}监管`);
        addUser(unit, 'admin', 'admin', `${unit.name}管理员`);
      } else {
        const county = emptyCounty(counties.length, unit, j.profile, 0.6 + rng.next() * 0.8);
        county.clerks.push(
          addUser(unit, 'clerk', 'clerk1', makeName(rng, 'female')),
          addUser(unit, 'clerk', 'clerk2', makeName(rng, 'male')),
        );
        county.reviewer = addUser(unit, 'reviewer', 'reviewer1', makeName(rng, rng.chance(0.5) ? 'male' : 'female'));
        addUser(unit, 'supervisor', 'supervisor', `${unit.name}监管`);
        addUser(unit, 'admin', 'admin', `${unit.name}管理员`);
        county.townships = Array.from({ length: 8 }, () => makeAddress(rng, '').town).filter((t, i, a) => a.indexOf(t) === i);
        counties.push(county);
      }
      for (const child of region.children ?? []) walk(child, unit);
    };
    walk(j.root, root);
    const owner = units.find((u) => u.code === j.root.code)!;
    const versionId = rng.uuid();
    sink.write(T.params, [
      versionId,
      owner.id,
      owner.path,
      j.profile,
      1,
      `${PROFILES[j.profile].fromYear}-01-01`,
      '{}',
      '{}',
      '初始参数：采用政策文件规定值及系统默认的地方参数',
      sysadmin.id,
      WORLD_CREATED,
    ]);

    const list: Hospital[] = [];
    const writeHospital = (h: Hospital, regionName: string) => {
      list.push(h);
      all.push(h);
      sink.write(T.hospitals, [
        h.id,
        owner.id,
        owner.path,
        h.code,
        h.name,
        h.level,
        h.regionCode,
        regionName,
        h.isNetworked,
        h.isSpecialDiseaseDesignated,
        h.referralTier,
        true,
        WORLD_CREATED,
        WORLD_CREATED,
      ]);
    };
    for (const s of HOSPITALS[j.profile]) {
      writeHospital(
        {
          id: rng.uuid(),
          code: s.code,
          name: s.name,
          level: s.level,
          regionCode: s.regionCode,
          isNetworked: s.isNetworked ?? true,
          isSpecialDiseaseDesignated: s.isSpecialDiseaseDesignated ?? false,
          referralTier: s.referralTier ?? null,
        },
        s.regionName,
      );
    }
    const prefix = j.slug.toUpperCase();
    for (const seedCounty of collectCounties(j.root)) {
      const county = counties.find((c) => c.unit.code === seedCounty.code)!;
      county.paramVersionId = versionId;
      const hasOwn = list.some((h) => h.regionCode === seedCounty.code && h.level >= 2);
      let n = 0;
      const make = (name: string, level: 1 | 2, designated: boolean) =>
        writeHospital(
          {
            id: rng.uuid(),
            code: `${prefix}G${seedCounty.code}${String(++n).padStart(2, '0')}`,
            name,
            level,
            regionCode: seedCounty.code,
            isNetworked: true,
            isSpecialDiseaseDesignated: designated,
            referralTier: null,
          },
          seedCounty.name,
        );
      if (!hasOwn) {
        make(`${seedCounty.name}人民医院`, 2, true);
        make(`${seedCounty.name}中医医院`, 2, false);
      }
      for (const town of county.townships.slice(0, 4)) make(`${seedCounty.name}${town}卫生院`, 1, false);
    }
    for (const county of counties.filter((c) => c.profile === j.profile)) classify(county, list);
  }
  return { units, counties, hospitals: all, users: userList, sysadmin };
}

/**
 * For `--append`: the world of an earlier `seed:scale` run, read back from the database (org
 * units, hospital lists, generated accounts and parameter versions).
 */
export async function loadWorld(db: Db, rng: Rng): Promise<World> {
  const unitRows = await db.select().from(orgUnits);
  const units: Unit[] = unitRows.map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    path: u.path,
    profile: (u.profile as TProfileId | null) ?? null,
  }));
  const userRows = await db
    .select()
    .from(users)
    .where(like(users.username, `${USER_PREFIX}%`));
  const byId = new Map(units.map((u) => [u.id, u]));
  const userList: User[] = userRows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unit: byId.get(u.orgUnitId)!,
  }));
  const sysadmin = userList.find((u) => u.username === `${USER_PREFIX}${SYSTEM_ROOT.code}-admin`);
  if (!sysadmin) throw new Error('--append needs a database made by pnpm seed:scale (no generated accounts found)');
  const counties: County[] = [];
  const all: Hospital[] = [];
  for (const j of JURISDICTIONS) {
    const owner = units.find((u) => u.code === j.root.code);
    if (!owner) continue;
    const version = (
      await db
        .select({ id: policyParamVersions.id })
        .from(policyParamVersions)
        .where(and(eq(policyParamVersions.orgUnitId, owner.id), eq(policyParamVersions.version, 1)))
        .limit(1)
    )[0];
    const list: Hospital[] = (await db.select().from(hospitals).where(eq(hospitals.ownerOrgUnitId, owner.id))).map((h) => ({
      id: h.id,
      code: h.code,
      name: h.name,
      level: h.level as 1 | 2 | 3,
      regionCode: h.regionCode,
      isNetworked: h.isNetworked,
      isSpecialDiseaseDesignated: h.isSpecialDiseaseDesignated,
      referralTier: h.referralTier ?? null,
    }));
    all.push(...list);
    for (const unit of units.filter((u) => u.level === 'county' && u.path.startsWith(owner.path))) {
      const county = emptyCounty(counties.length, unit, j.profile, 0.6 + rng.next() * 0.8);
      county.paramVersionId = version?.id ?? null;
      county.clerks = userList.filter((u) => u.unit.id === unit.id && u.role === 'clerk');
      const reviewer = userList.find((u) => u.unit.id === unit.id && u.role === 'reviewer');
      if (!county.clerks.length || !reviewer) throw new Error(`--append: county ${unit.code} has no generated clerk or reviewer`);
      county.reviewer = reviewer;
      county.townships = Array.from({ length: 8 }, () => makeAddress(rng, '').town).filter((t, i, a) => a.indexOf(t) === i);
      classify(county, list);
      counties.push(county);
    }
  }
  return { units, counties, hospitals: all, users: userList, sysadmin };
}
