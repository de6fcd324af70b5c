import { makeIdNumber, type TCategoryId, type TProfileId, type TRole } from '@portal/rules';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { orgUnits, personCategories, persons, users } from '../schema/index.js';

let counter = 0;
/** Unique 2-digit-prefix-free numbers so that parallel tests never collide on codes. */
function nextNumber() {
  counter += 1;
  return counter + Math.floor(Math.random() * 1_000_000) * 1000;
}

export interface TestTree {
  /** The system root (level 'system'), shared by every test tree. */
  system: { id: string; code: string; path: string };
  root: { id: string; code: string; path: string };
  countyA: { id: string; code: string; path: string };
  countyB: { id: string; code: string; path: string };
}

/**
 * A jurisdiction of its own for one test: a city with two counties under the system root (created
 * if missing). Codes are made unique per call; they look like GB/T 2260 codes but are test data.
 */
export async function createOrgTree(db: DbOrTx, profile: TProfileId = 'qiannan-2019'): Promise<TestTree> {
  let system = (await db.select().from(orgUnits).where(eqCode('000000')).limit(1))[0];
  if (!system) {
    [system] = await db
      .insert(orgUnits)
      .values({ code: '000000', name: '系统', level: 'system', path: '/000000/' })
      .onConflictDoNothing()
      .returning();
    system ??= (await db.select().from(orgUnits).where(eqCode('000000')).limit(1))[0];
  }
  if (!system) throw new Error('no system root');
  // Codes look like GB/T 2260 codes (a city xxxx00 and its counties) but are test data; a clash
  // with another test's tree is retried with new codes.
  for (let attempt = 0; attempt < 20; attempt++) {
    const city = `${10 + Math.floor(Math.random() * 90)}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
    const cityCode = `${city}00`;
    const exists = await db.select({ id: orgUnits.id }).from(orgUnits).where(eqCode(cityCode)).limit(1);
    if (exists.length) continue;
    try {
      const path = `/000000/${cityCode}/`;
      const [root] = await db
        .insert(orgUnits)
        .values({ code: cityCode, name: `测试市${city}`, level: 'city', parentId: system.id, path, profile })
        .returning();
      const [a] = await db
        .insert(orgUnits)
        .values({ code: `${city}01`, name: `测试甲县${city}`, level: 'county', parentId: root!.id, path: `${path}${city}01/`, profile })
        .returning();
      const [b] = await db
        .insert(orgUnits)
        .values({ code: `${city}02`, name: `测试乙县${city}`, level: 'county', parentId: root!.id, path: `${path}${city}02/`, profile })
        .returning();
      const pick = (u: typeof root) => ({ id: u!.id, code: u!.code, path: u!.path });
      return { system: pick(system), root: pick(root), countyA: pick(a), countyB: pick(b) };
    } catch {
      // another test took the code between our check and insert: try new codes
    }
  }
  throw new Error('could not allocate test region codes');
}

function eqCode(code: string) {
  return eq(orgUnits.code, code);
}

export async function createUser(db: DbOrTx, options: { orgUnitId: string; role: TRole; passwordHash: string; username?: string }) {
  const username = options.username ?? `u${nextNumber()}`;
  const [row] = await db
    .insert(users)
    .values({
      username,
      displayName: `测试用户${username}`,
      role: options.role,
      orgUnitId: options.orgUnitId,
      passwordHash: options.passwordHash,
    })
    .returning();
  return row!;
}

export async function createPerson(
  db: DbOrTx,
  options: {
    orgUnitId: string;
    regionPath: string;
    name?: string;
    regionCode?: string;
    birthDate?: string;
    categories?: { category: TCategoryId; startDate: string; endDate?: string | null }[];
  },
) {
  const birthDate = options.birthDate ?? randomBirthDate();
  const idNumber = makeIdNumber(options.regionCode ?? '522732', birthDate, Math.floor(Math.random() * 1000));
  const [row] = await db
    .insert(persons)
    .values({
      name: options.name ?? '测试人员',
      idNumber,
      sex: 'male',
      birthDate,
      hukouType: 'rural',
      orgUnitId: options.orgUnitId,
      regionPath: options.regionPath,
      bankAccount: '6217000012345678901',
      phone: '13800138000',
    })
    .returning();
  for (const c of options.categories ?? []) {
    await db.insert(personCategories).values({
      personId: row!.id,
      category: c.category,
      startDate: c.startDate,
      endDate: c.endDate ?? null,
      sourceDepartment: 'poverty_office',
    });
  }
  return row!;
}

function randomBirthDate(): string {
  const day = Math.floor(Math.random() * 365 * 60);
  return new Date(Date.UTC(1945, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}
