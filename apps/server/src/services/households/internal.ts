import { asc, eq, households, persons, type DbOrTx } from '@portal/db';
import { type THouseholdDetail, maskIdNumber } from '@portal/rules';
import { type Actor, assertInUserRegion, notFound } from '../../core/index.js';

/** `lock` takes the row lock for a change, so two changes of one household (or person) queue. */
export async function loadScopedHousehold(db: DbOrTx, user: Actor, id: string, lock = false) {
  const q = db.select().from(households).where(eq(households.id, id)).limit(1);
  const row = (lock ? await q.for('update') : await q)[0];
  if (!row) throw notFound('家庭户不存在');
  assertInUserRegion(user, row.regionPath, '该家庭户');
  return row;
}

export async function loadScopedPerson(db: DbOrTx, user: Actor, id: string, lock = false) {
  const q = db.select().from(persons).where(eq(persons.id, id)).limit(1);
  const row = (lock ? await q.for('update') : await q)[0];
  if (!row) throw notFound('人员不存在');
  assertInUserRegion(user, row.regionPath, '该人员');
  return row;
}

/** A household and its members as the person page shows them (ID numbers masked). */
export async function describeHousehold(db: DbOrTx, id: string): Promise<THouseholdDetail | null> {
  const h = (await db.select().from(households).where(eq(households.id, id)).limit(1))[0];
  if (!h) return null;
  const members = await db
    .select({
      id: persons.id,
      name: persons.name,
      idNumber: persons.idNumber,
      relationship: persons.relationship,
      birthDate: persons.birthDate,
    })
    .from(persons)
    .where(eq(persons.householdId, id))
    .orderBy(asc(persons.birthDate));
  return {
    id: h.id,
    householdNo: h.householdNo,
    address: h.address,
    headPersonId: h.headPersonId,
    members: members
      .map((m) => ({
        id: m.id,
        name: m.name,
        idNumberMasked: maskIdNumber(m.idNumber),
        relationship: m.relationship,
        isHead: m.id === h.headPersonId,
      }))
      .sort((a, b) => Number(b.isHead) - Number(a.isHead)),
  };
}

/** After a member leaves, a household keeps a head if it has anyone left. */
export async function repairHead(tx: DbOrTx, householdId: string) {
  const h = (await tx.select().from(households).where(eq(households.id, householdId)).limit(1))[0];
  if (!h) return;
  const members = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.householdId, householdId))
    .orderBy(asc(persons.birthDate));
  if (h.headPersonId && members.some((m) => m.id === h.headPersonId)) return;
  const head = members[0]?.id ?? null;
  await tx.update(households).set({ headPersonId: head }).where(eq(households.id, householdId));
  if (head) await tx.update(persons).set({ relationship: '户主' }).where(eq(persons.id, head));
}
