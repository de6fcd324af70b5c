import { createHash } from 'node:crypto';
import {
  and,
  claims,
  eq,
  gt,
  isNull,
  like,
  listBatches,
  or,
  orgUnits,
  personCategories,
  persons,
  sql,
  gte,
  lte,
  type DbOrTx,
} from '@portal/db';
import {
  type CompareOptions,
  type CompareResult,
  type PlacedUnit,
  type RegistryPerson,
  type TCategoryId,
  type TListUploadMeta,
  compareList,
} from '@portal/rules';
import type { ReadRow } from './read-file.js';
import { type Actor, type ActorContext, assertInUserRegion, forbidden, notFound, preconditionFailed } from '../../core/index.js';

const CHUNK = 5000;

/**
 * The registry as the comparison needs it: everyone whose ID number is on the list (wherever
 * registered, to refuse people of other regions), plus everyone in the uploader's region who holds
 * a category from the department on the list date (candidates for "left the list").
 */
export async function loadRegistrySnapshot(
  db: DbOrTx,
  user: Actor,
  rows: readonly ReadRow[],
  meta: TListUploadMeta,
): Promise<RegistryPerson[]> {
  const byId = new Map<string, RegistryPerson>();
  const add = (p: {
    id: string;
    idNumber: string;
    name: string;
    hukouType: 'urban' | 'rural';
    phone: string | null;
    address: string | null;
    regionPath: string;
  }) => {
    if (!byId.has(p.id))
      byId.set(p.id, {
        id: p.id,
        idNumber: p.idNumber,
        name: p.name,
        hukouType: p.hukouType,
        phone: p.phone,
        address: p.address,
        inScope: p.regionPath.startsWith(user.regionPath),
        held: [],
      });
  };
  const cols = {
    id: persons.id,
    idNumber: persons.idNumber,
    name: persons.name,
    hukouType: persons.hukouType,
    phone: persons.phone,
    address: persons.address,
    regionPath: persons.regionPath,
  };
  const ids = [...new Set(rows.map((r) => (r.raw.idNumber ?? '').trim().toUpperCase()).filter((s) => s.length === 18))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const slice = ids.slice(i, i + CHUNK);
    for (const p of await db
      .select(cols)
      .from(persons)
      .where(sql`${persons.idNumber} = any(${toPgArray(slice)}::text[])`))
      add(p);
  }
  const holders = await db
    .selectDistinct(cols)
    .from(persons)
    .innerJoin(personCategories, eq(personCategories.personId, persons.id))
    .where(
      and(
        like(persons.regionPath, `${user.regionPath}%`),
        eq(personCategories.sourceDepartment, meta.sourceDepartment),
        lte(personCategories.startDate, meta.listDate),
        or(isNull(personCategories.endDate), gte(personCategories.endDate, meta.listDate)),
      ),
    );
  for (const p of holders) add(p);
  const personIds = [...byId.keys()];
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const slice = personIds.slice(i, i + CHUNK);
    const facts = await db
      .select({
        id: personCategories.id,
        personId: personCategories.personId,
        category: personCategories.category,
        sourceDepartment: personCategories.sourceDepartment,
      })
      .from(personCategories)
      .where(
        and(
          sql`${personCategories.personId} = any(${toPgArray(slice)}::uuid[])`,
          lte(personCategories.startDate, meta.listDate),
          or(isNull(personCategories.endDate), gte(personCategories.endDate, meta.listDate)),
        ),
      );
    for (const f of facts) byId.get(f.personId)?.held.push({ factId: f.id, category: f.category, sourceDepartment: f.sourceDepartment });
  }
  return [...byId.values()];
}

/** A text[] literal bound as one parameter (thousands of ids in one `= any(...)`). */
function toPgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;
}

/** Compares a read list against the registry on behalf of `user`. */
export async function compareUpload(
  db: DbOrTx,
  user: Actor,
  rows: readonly ReadRow[],
  meta: TListUploadMeta,
  today: string,
): Promise<CompareResult> {
  const profile = user.profile;
  if (!profile) throw forbidden('您所在机构未设定政策口径，不能比对名单');
  const registry = await loadRegistrySnapshot(db, user, rows, meta);
  const units = await db
    .select({ id: orgUnits.id, code: orgUnits.code, path: orgUnits.path, level: orgUnits.level })
    .from(orgUnits)
    .where(like(orgUnits.path, `${user.regionPath}%`));
  const byCode = new Map(
    units
      .filter((u) => u.level === 'county' || u.level === 'township')
      .map((u) => [u.code, { orgUnitId: u.id, regionPath: u.path } satisfies PlacedUnit]),
  );
  const options: CompareOptions = {
    profile,
    department: meta.sourceDepartment,
    listDate: meta.listDate,
    today,
    resolveRegion: (code) => byCode.get(code) ?? byCode.get(code.slice(0, 9)) ?? byCode.get(code.slice(0, 6)) ?? null,
    defaultUnit:
      user.orgLevel === 'county' || user.orgLevel === 'township' ? { orgUnitId: user.orgUnitId, regionPath: user.regionPath } : null,
  };
  return compareList(rows, registry, options);
}

export function countsOf(r: CompareResult) {
  return {
    newCount: r.newPersons.length + r.newCategories.length,
    leftCount: r.left.length,
    changedCount: r.changed.length,
    invalidCount: r.invalid.length,
    unchangedCount: r.unchanged,
  };
}

/**
 * A digest of exactly what applying would do. Apply recomputes it inside its transaction and
 * refuses when it differs from the preview's, so a stale preview is never applied.
 */
export function fingerprintOf(r: CompareResult): string {
  const parts = [
    ...r.newPersons.map((p) => `N${p.idNumber}:${[p.category, ...p.moreCategories.map((c) => c.category)].join('+')}`),
    ...r.newCategories.map((c) => `C${c.personId}:${c.category}`),
    ...r.changed.map((c) => `U${c.personId}:${c.changes.map((x) => `${x.field}=${x.to}`).join(',')}`),
    ...r.left.map((l) => `L${l.factId}`),
    `I${r.invalid.length}`,
  ].sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** Loads a batch for a change, locked, refusing one outside the caller's region. */
export async function lockBatch(ctx: ActorContext, id: string) {
  const batch = (await ctx.db.select().from(listBatches).where(eq(listBatches.id, id)).for('update').limit(1))[0];
  if (!batch) throw notFound('比对批次不存在');
  assertInUserRegion(ctx.actor, batch.regionPath, '该比对批次');
  return batch;
}

/**
 * Applying or reverting writes the registry: only the uploading unit, and one at a time per region
 * (a second one waits here, then sees what the first changed).
 */
export async function lockRegionForWrite(ctx: ActorContext, batch: { regionPath: string }, verb: '应用' | '撤销') {
  if (batch.regionPath !== ctx.actor.regionPath) throw preconditionFailed(`比对批次只能由上传机构的人员${verb}`);
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`list-apply:${batch.regionPath}`}))`);
}

/** A person's settled claims under one category, admitted after (or on/after) a date. */
export function settledClaimsUnder(
  db: DbOrTx,
  f: { personId: string; category: string; admitted: { after: string } | { from: string } },
  limit: number,
) {
  return db
    .select({ claimNo: claims.claimNo, personName: persons.name, admissionDate: claims.admissionDate })
    .from(claims)
    .innerJoin(persons, eq(persons.id, claims.personId))
    .where(
      and(
        eq(claims.personId, f.personId),
        eq(claims.status, 'settled'),
        eq(claims.appliedCategory, f.category as TCategoryId),
        'after' in f.admitted ? gt(claims.admissionDate, f.admitted.after) : gte(claims.admissionDate, f.admitted.from),
      ),
    )
    .limit(limit);
}
