import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, auditLog, eq, households, personCategories, persons, type DbHandle } from '@portal/db';
import { createPerson } from '@portal/db/test';
import { EXISTENCE_CHECKS_PER_DAY, makeIdNumber, REGISTERED_ELSEWHERE } from '@portal/rules';
import { callerAs, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

/** A valid ID number nobody else in the shared test database has (random birth date and sequence). */
const uniqueId = (birth?: string) => {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(Math.random() * 18_000) * 86_400_000).toISOString().slice(0, 10);
  return makeIdNumber('522732', birth ?? day, Math.floor(Math.random() * 999));
};
const base = (orgUnitId: string, idNumber = uniqueId()) => ({
  idNumber,
  name: '王小芳',
  hukouType: 'rural' as const,
  orgUnitId,
  phone: '13800138000',
  bankAccount: '6217 0000 1111 2222 333',
  bankName: '农村信用社',
});

describe('persons.create / update', () => {
  it('derives sex and birth date, stores the bank account, shows it masked, audits without full numbers', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const idNumber = uniqueId('1980-02-29');
    const { id } = await caller.persons.create(base(tree.countyA.id, idNumber));
    const row = (await handle.db.select().from(persons).where(eq(persons.id, id)))[0]!;
    expect(row.birthDate).toBe('1980-02-29');
    expect(row.bankAccount).toBe('6217000011112222333');
    const shown = await caller.persons.get({ id });
    expect(shown.bankAccountMasked).toMatch(/^\*+2333$/);
    expect(JSON.stringify(shown)).not.toContain(idNumber);
    const audit = (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, id)))[0]!;
    expect(JSON.stringify(audit.after)).not.toContain(idNumber);
    expect(JSON.stringify(audit.after)).not.toContain('6217000011112222333');
  });

  it('refuses a duplicate with the existing id; one registered elsewhere without it', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const idNumber = uniqueId();
    const { id } = await caller.persons.create(base(tree.countyA.id, idNumber));
    await expect(caller.persons.create(base(tree.countyA.id, idNumber))).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { options: { field: 'idNumber', meta: { existingId: id } } },
    });
    const { caller: stranger } = await callerAs(handle, 'clerk', other.countyA.id);
    const err = await stranger.persons.create(base(other.countyA.id, idNumber)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect((err as { cause: { options: { meta?: unknown } } }).cause.options.meta).toBeUndefined();
    expect((err as Error).message).toBe(REGISTERED_ELSEWHERE);
  });

  it('answers "registered elsewhere" at most 20 times a day per clerk, and audits each lookup', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const { caller: owner } = await callerAs(handle, 'clerk', tree.countyA.id);
    const ids: string[] = [];
    for (let i = 0; i < EXISTENCE_CHECKS_PER_DAY + 2; i++) {
      const idNumber = uniqueId();
      await owner.persons.create(base(tree.countyA.id, idNumber));
      ids.push(idNumber);
    }
    const { caller: prober, user } = await callerAs(handle, 'clerk', other.countyA.id);
    const answers: string[] = [];
    for (const idNumber of ids) {
      const code = await prober.persons.create(base(other.countyA.id, idNumber)).then(
        () => 'CREATED',
        (e: Error & { code: string }) => e.code,
      );
      answers.push(code);
    }
    expect(answers.slice(0, EXISTENCE_CHECKS_PER_DAY).every((c) => c === 'CONFLICT')).toBe(true);
    expect(answers.slice(EXISTENCE_CHECKS_PER_DAY)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    const audited = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, user.id), eq(auditLog.action, 'person.registered_elsewhere')));
    expect(audited).toHaveLength(EXISTENCE_CHECKS_PER_DAY + 2);
    expect(JSON.stringify(audited.map((a) => a.after))).not.toContain(ids[0]);
  });

  it('rejects the wrong role and region; bad input writes nothing', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const { caller: supervisor } = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(supervisor.persons.create(base(tree.countyA.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    await expect(caller.persons.create(base(other.countyA.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const idNumber = uniqueId();
    await expect(caller.persons.create({ ...base(tree.countyA.id, idNumber), phone: '12345' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await handle.db.select().from(persons).where(eq(persons.idNumber, idNumber))).toHaveLength(0);
    const stranger = await createPerson(handle.db, { orgUnitId: other.countyA.id, regionPath: other.countyA.path });
    await expect(
      caller.persons.update({ id: stranger.id, data: { ...base(tree.countyA.id), clearBankAccount: false } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('edits attributes, keeping the bank account when left blank', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'reviewer', tree.root.id);
    const { id } = await caller.persons.create(base(tree.countyA.id));
    const { idNumber: _i, bankAccount: _b, ...rest } = base(tree.countyA.id);
    await caller.persons.update({ id, data: { ...rest, name: '王晓芳', hukouType: 'urban', orgUnitId: tree.countyB.id, bankAccount: '' } });
    const row = (await handle.db.select().from(persons).where(eq(persons.id, id)))[0]!;
    expect([row.name, row.hukouType, row.regionPath, row.bankAccount]).toEqual([
      '王晓芳',
      'urban',
      tree.countyB.path,
      '6217000011112222333',
    ]);
  });
});

describe('category facts', () => {
  it('adds dated categories, refuses overlaps, ends them, and tells the enrollment year', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const p = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    const added = await caller.persons.addCategory({
      personId: p.id,
      category: 'registered_poor',
      startDate: '2019-09-10',
      sourceDepartment: 'poverty_office',
      sourceDocument: '黔南扶办〔2019〕5号',
    });
    expect(added.enrollment?.year).toBe(2020);
    await expect(
      caller.persons.addCategory({
        personId: p.id,
        category: 'registered_poor',
        startDate: '2019-10-01',
        sourceDepartment: 'poverty_office',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      caller.persons.addCategory({ personId: p.id, category: 'low_income', startDate: '2019-10-01', sourceDepartment: 'civil_affairs' }),
    ).rejects.toThrow(/政策口径/);
    await expect(caller.persons.endCategory({ id: added.id, endDate: '2019-01-01', reason: '退出' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await caller.persons.endCategory({ id: added.id, endDate: '2020-06-30', reason: '脱贫退出' });
    const facts = await handle.db.select().from(personCategories).where(eq(personCategories.personId, p.id));
    expect(facts.map((f) => [f.startDate, f.endDate])).toEqual([['2019-09-10', '2020-06-30']]);
    const detail = await caller.persons.get({ id: p.id });
    expect(detail.categoryHistory[0]).toMatchObject({ enrollmentYear: 2020, sourceDocument: '黔南扶办〔2019〕5号' });
  });

  it('rejects another region and a supervisor', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const p = await createPerson(handle.db, { orgUnitId: other.countyA.id, regionPath: other.countyA.path });
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    await expect(
      caller.persons.addCategory({
        personId: p.id,
        category: 'registered_poor',
        startDate: '2019-01-01',
        sourceDepartment: 'poverty_office',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller: sup } = await callerAs(handle, 'supervisor', other.root.id);
    await expect(
      sup.persons.addCategory({ personId: p.id, category: 'registered_poor', startDate: '2019-01-01', sourceDepartment: 'poverty_office' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await handle.db.select().from(personCategories).where(eq(personCategories.personId, p.id))).toHaveLength(0);
  });
});

describe('households', () => {
  it('creates a household, moves a member in and out, keeps a head', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const a = await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      name: '甲某',
      birthDate: '1960-01-01',
    });
    const b = await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      name: '乙某',
      birthDate: '1990-01-01',
    });
    const h1 = await caller.households.create({ personId: a.id, householdNo: `H${Date.now()}` });
    const h2 = await caller.households.create({ personId: b.id });
    await caller.households.moveMember({ personId: b.id, householdId: h1.id, relationship: '子' });
    const detail = await caller.persons.get({ id: a.id });
    expect(detail.household?.members.map((m) => [m.name, m.isHead, m.relationship])).toEqual([
      ['甲某', true, '户主'],
      ['乙某', false, '子'],
    ]);
    const emptied = (await handle.db.select().from(households).where(eq(households.id, h2.id)))[0]!;
    expect(emptied.headPersonId).toBeNull();
    await expect(caller.households.moveMember({ personId: b.id, householdId: h1.id, relationship: '子' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect((await caller.households.find({ q: '甲某' })).map((h) => h.id)).toContain(h1.id);
  });

  it('refuses a household of another region', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const a = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    const b = await createPerson(handle.db, { orgUnitId: other.countyA.id, regionPath: other.countyA.path });
    const { caller: otherClerk } = await callerAs(handle, 'clerk', other.countyA.id);
    const h = await otherClerk.households.create({ personId: b.id });
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    await expect(caller.households.moveMember({ personId: a.id, householdId: h.id, relationship: '子' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await handle.db.select().from(persons).where(eq(persons.id, a.id)))[0]!.householdId).toBeNull();
  });
});

describe('full values on screen', () => {
  it('are masked in every answer; revealing one is a deliberate, audited act of window staff in the region', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const idNumber = uniqueId();
    const { id } = await caller.persons.create({ ...base(tree.countyA.id, idNumber), insuranceCardNo: 'YB52273200001234' });
    const shown = await caller.persons.get({ id });
    expect(shown.idNumberMasked).not.toContain(idNumber.slice(6, 14));
    expect(shown.insuranceCardNoMasked).toBe('************1234');
    expect(JSON.stringify(shown)).not.toContain('YB52273200001234');
    expect(JSON.stringify(shown)).not.toContain('6217000011112222333');
    const revealed = await caller.persons.reveal({ id, field: 'bankAccount' });
    expect(revealed.value).toBe('6217000011112222333');
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'person.reveal')));
    expect(audit.map((a) => (a.after as { field: string }).field)).toEqual(['bankAccount']);
    const { caller: supervisor } = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(supervisor.persons.reveal({ id, field: 'idNumber' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await makeTree(handle);
    const { caller: stranger } = await callerAs(handle, 'clerk', other.countyA.id);
    await expect(stranger.persons.reveal({ id, field: 'idNumber' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
