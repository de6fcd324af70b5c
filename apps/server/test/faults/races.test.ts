import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  and,
  asc,
  claims,
  eq,
  households,
  personCategories,
  personYearAccumulators,
  persons,
  reimbursementCases,
  reimbursementEvents,
  type DbHandle,
} from '@portal/db';
import {
  addYtd,
  advanceFirstInstalment,
  createEmptyYtd,
  settle,
  ZYtd,
  type TSettleRequest,
  type TSettleResult,
  type TYtd,
} from '@portal/rules';
import { callerAs, setupDb } from '../helpers.js';
import { buildWorld, EXAMPLE_PARAMS, key, newIdNumber, fullRows, visit, type World } from '../support/world.js';

/**
 * Concurrent requests on PostgreSQL (PGlite runs one query at a time, so it cannot race): many
 * settlements of one person, one form submitted many times, and many users acting on one record at
 * once. The accumulators must equal the claims stored, no deductible or cap may be used twice,
 * and of competing actions exactly one wins while the others get a Chinese conflict — never a 500.
 */

const N = 50;
type Caller = Awaited<ReturnType<typeof callerAs>>['caller'];
type Settled = PromiseSettledResult<unknown>;

let handle: DbHandle;
let world: World;
let clerks: Caller[];
let reviewers: Caller[];

beforeAll(async () => {
  handle = await setupDb();
  world = await buildWorld(handle);
  clerks = await Promise.all(Array.from({ length: 5 }, async () => (await callerAs(handle, 'clerk', world.units.own.id)).caller));
  reviewers = await Promise.all(Array.from({ length: 5 }, async () => (await callerAs(handle, 'reviewer', world.units.own.id)).caller));
}, 300_000);
afterAll(async () => handle?.close());

/** Exactly one success; every other call refused with a Chinese CONFLICT or PRECONDITION_FAILED. */
function oneWinner(results: Settled[]) {
  const wins = results.filter((r) => r.status === 'fulfilled');
  const refusals = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as { code: string; message: string });
  expect(wins).toHaveLength(1);
  expect(refusals.filter((e) => !['CONFLICT', 'PRECONDITION_FAILED'].includes(e.code)).map((e) => `${e.code} ${e.message}`)).toEqual([]);
  expect(refusals.every((e) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
}

const all = (n: number, call: (i: number) => Promise<unknown>) => Promise.allSettled(Array.from({ length: n }, (_, i) => call(i)));

describe.skipIf(!process.env.TEST_DATABASE_URL)('races on PostgreSQL', () => {
  it(`${N} settlements of one person at once: the accumulators are the sum of the claims, each claim saw the one before`, async () => {
    const { id: personId } = await clerks[0]!.persons.create({
      idNumber: newIdNumber(),
      name: '并发结算',
      hukouType: 'rural',
      orgUnitId: world.units.own.id,
    });
    await clerks[0]!.persons.addCategory({
      personId,
      category: 'registered_poor',
      startDate: '2016-01-01',
      sourceDepartment: 'poverty_office',
    });
    const results = await all(N, (i) =>
      clerks[i % clerks.length]!.claims.create({ entry: visit(personId, world.h.local.id), idempotencyKey: key() }),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const stored = await handle.db
      .select()
      .from(claims)
      .where(and(eq(claims.personId, personId), eq(claims.year, 2019)))
      .orderBy(asc(claims.claimNo));
    expect(stored).toHaveLength(N);
    // Numbers are drawn inside the locked transaction, so their order is the order the lock was held.
    // Each claim was settled on exactly what the one before left, and settling them one after the
    // other again gives the same amounts: no deductible, cap or band was used twice.
    let ytd: TYtd = createEmptyYtd();
    for (const c of stored) {
      expect(ZYtd.parse(c.ytdBefore)).toEqual(ytd);
      const again = settle({ ...(c.request as TSettleRequest), ytd });
      expect(JSON.parse(JSON.stringify(again))).toEqual(c.result);
      ytd = addYtd(ytd, (c.result as TSettleResult).ytdDelta);
    }
    const acc = (await handle.db.select().from(personYearAccumulators).where(eq(personYearAccumulators.personId, personId)))[0]!;
    expect(ZYtd.parse(acc.ytd)).toEqual(ytd);
    expect(acc.claimCount).toBe(N);
    const sum = (f: (c: (typeof stored)[number]) => number) => stored.reduce((t, c) => t + f(c), 0);
    expect(ytd.basic).toBe(sum((c) => c.basic));
    expect(ytd.critical).toBe(sum((c) => c.critical));
    // 50 stays of 20 625 yuan of basic insurance pass the 250 000 yuan cap: it is reached once, exactly.
    expect(sum((c) => c.basic)).toBe(EXAMPLE_PARAMS.basic.annualCap);
  });

  it(`one form submitted ${N} times at once (one idempotency key) stores one claim`, async () => {
    const { id: personId } = await clerks[0]!.persons.create({
      idNumber: newIdNumber(),
      name: '重复提交',
      hukouType: 'rural',
      orgUnitId: world.units.own.id,
    });
    const input = { entry: visit(personId, world.h.local.id), idempotencyKey: key() };
    const results = await all(N, (i) => clerks[i % clerks.length]!.claims.create(input));
    const ids = new Set(results.map((r) => (r.status === 'fulfilled' ? (r.value as { id: string }).id : `rejected: ${String(r.reason)}`)));
    expect([...ids]).toHaveLength(1);
    expect(await handle.db.select({ id: claims.id }).from(claims).where(eq(claims.idempotencyKey, input.idempotencyKey))).toHaveLength(1);
    const acc = (await handle.db.select().from(personYearAccumulators).where(eq(personYearAccumulators.personId, personId)))[0]!;
    expect(acc.claimCount).toBe(1);
  });

  it(`${N} payments of one case at once: one is paid, once; the others get a conflict`, async () => {
    const c = world.cases.payment;
    const version = await world.caseVersion(c.id);
    const results = await all(N, (i) =>
      (i % 2 ? reviewers : clerks)[i % 5]!.reimbursements.pay({
        id: c.id,
        version,
        requestKey: key(),
        paymentRef: `ZF-RACE-${i}`,
      }),
    );
    oneWinner(results);
    const row = (await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.id, c.id)))[0]!;
    expect(row.status).toBe('paid');
    expect(
      await handle.db
        .select({ id: claims.id })
        .from(claims)
        .where(eq(claims.idempotencyKey, `reimbursement:${c.id}`)),
    ).toHaveLength(1);
    const pays = await handle.db
      .select()
      .from(reimbursementEvents)
      .where(and(eq(reimbursementEvents.caseId, c.id), eq(reimbursementEvents.action, 'pay')));
    expect(pays).toHaveLength(1);
  });

  it(`${N} users confirming and returning one case at once: one transition happens`, async () => {
    const c = world.cases.secondReview;
    const version = await world.caseVersion(c.id);
    const results = await all(N, (i) =>
      i % 2
        ? reviewers[i % 5]!.reimbursements.secondReview({ id: c.id, version, requestKey: key(), note: '', payeeVerified: true })
        : reviewers[i % 5]!.reimbursements.returnCase({ id: c.id, version, requestKey: key(), reason: '并发退回测试' }),
    );
    oneWinner(results);
    expect(await world.caseVersion(c.id)).toBe(version + 1);
  });

  it(`${N} holds and registrations of one case at once: one transition happens`, async () => {
    const c = world.cases.registration;
    const version = await world.caseVersion(c.id);
    const results = await all(N, (i) =>
      i % 2
        ? clerks[i % 5]!.reimbursements.register({ id: c.id, version, requestKey: key(), note: '' })
        : clerks[i % 5]!.reimbursements.hold({ id: c.id, version, requestKey: key(), kind: 'doubtful', reason: '并发标记测试' }),
    );
    oneWinner(results);
    expect(await world.caseVersion(c.id)).toBe(version + 1);
  });

  it(`other records, ${N} competing actions each: exactly one wins`, async () => {
    const failures: string[] = [];
    const adv = world.advances.toPay;
    const advVersion = await world.advanceVersion(adv.id);
    const toApprove = world.advances.toApprove;
    const toApproveVersion = await world.advanceVersion(toApprove.id);
    const payeeCase = world.cases.payeeToPropose;
    const payeeCaseVersion = await world.caseVersion(payeeCase.id);
    const batch = await world.freshBatch();
    const cases: [string, (i: number) => Promise<unknown>][] = [
      [
        'advances.pay',
        (i) =>
          clerks[i % 5]!.advances.pay({
            id: adv.id,
            version: advVersion,
            requestKey: key(),
            amount: advanceFirstInstalment(adv.total),
            paidOn: world.today,
            paymentRef: `YF-RACE-${i}`,
          }),
      ],
      [
        'advances.approve',
        (i) =>
          reviewers[i % 5]!.advances.approve({ id: toApprove.id, version: toApproveVersion, requestKey: key(), stage: 'first', note: '' }),
      ],
      [
        'reimbursements.proposePayeeChange',
        (i) =>
          clerks[i % 5]!.reimbursements.proposePayeeChange({
            id: payeeCase.id,
            version: payeeCaseVersion,
            requestKey: key(),
            payee: { name: '并发收款人', bankName: '并发银行', account: `621700001111${String(1000000 + i)}` },
            reason: '并发变更测试',
          }),
      ],
      ['claims.reverse', (i) => reviewers[i % 5]!.claims.reverse({ id: world.claimToReverse.id, reason: '并发冲销测试' })],
      ['referrals.register', (i) => clerks[i % 5]!.referrals.register({ id: world.referrals.submitted.id })],
      ['referrals.cancel', (i) => clerks[i % 5]!.referrals.cancel({ id: world.referrals.toCancel.id, reason: '并发撤销测试' })],
      ['referrals.cancelOffsite', (i) => clerks[i % 5]!.referrals.cancelOffsite({ id: world.offsite.toCancel.id, reason: '并发撤销测试' })],
      ['enrollment.resolve', (i) => clerks[i % 5]!.enrollment.resolve({ id: world.toResolve.id, resolution: '并发销号测试' })],
      [
        'persons.endCategory',
        (i) => clerks[i % 5]!.persons.endCategory({ id: world.scratchFact.id, endDate: '2025-12-31', reason: '并发终止' }),
      ],
      ['lists.applyBatch', (i) => clerks[i % 5]!.lists.applyBatch({ id: batch.id })],
      [
        'referrals.createOverride',
        (i) =>
          reviewers[i % 5]!.referrals.createOverride({
            personId: world.p.main.id,
            hospitalId: world.h.plain.id,
            admissionDate: '2019-05-01',
            reason: '并发认定测试理由',
          }),
      ],
      [
        'households.moveMember',
        (i) => clerks[i % 5]!.households.moveMember({ personId: world.p.mover.id, householdId: world.household.id, relationship: '子' }),
      ],
    ];
    for (const [name, call] of cases) {
      const results = await all(N, call);
      try {
        oneWinner(results);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it(`${N} creations of one unique thing at once: one is stored, the others get a conflict`, async () => {
    const admin = (await callerAs(handle, 'admin', world.units.parent.id)).caller;
    const idNumber = newIdNumber();
    const username = `race${Date.now()}`;
    const householdNo = `RACE${Date.now()}`;
    const people = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        clerks[i % 5]!.persons.create({ idNumber: newIdNumber(), name: '并发建户', hukouType: 'rural', orgUnitId: world.units.own.id }),
      ),
    );
    const cases: [string, (i: number) => Promise<unknown>][] = [
      [
        'persons.create',
        (i) => clerks[i % 5]!.persons.create({ idNumber, name: '并发登记', hukouType: 'rural', orgUnitId: world.units.own.id }),
      ],
      ['households.create', (i) => clerks[i % 5]!.households.create({ personId: people[i]!.id, householdNo })],
      [
        'admin.createUser',
        () =>
          admin.admin.createUser({
            username,
            displayName: '并发用户',
            role: 'clerk',
            orgUnitId: world.units.own.id,
            password: 'Passw0rd!',
          }),
      ],
      [
        'admin.createOrgUnit',
        () => admin.admin.createOrgUnit({ parentId: world.units.own.id, code: `${world.units.own.code}909`, name: '并发乡' }),
      ],
      [
        'hospitals.create',
        () =>
          admin.hospitals.create({
            ownerOrgUnitId: world.units.parent.id,
            code: `RACE-${Date.now()}`.slice(0, 32),
            name: '并发医院',
            level: 2,
            regionCode: world.units.own.code,
            regionName: '甲县',
            isNetworked: true,
            isSpecialDiseaseDesignated: false,
            referralTier: null,
          }),
      ],
    ];
    for (const [name, call] of cases) {
      const results = await all(N, call);
      try {
        oneWinner(results);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
      }
    }
  });

  it(`${N} identical corrections at once (enrollment, premium, parameters): no 500, one row`, async () => {
    const admin = (await callerAs(handle, 'admin', world.units.parent.id)).caller;
    const { id: personId } = await clerks[0]!.persons.create({
      idNumber: newIdNumber(),
      name: '并发参保',
      hukouType: 'rural',
      orgUnitId: world.units.own.id,
    });
    const cases: [string, (i: number) => Promise<unknown>][] = [
      [
        'enrollment.record',
        (i) =>
          clerks[i % 5]!.enrollment.record({
            personId,
            year: 2022,
            basicEnrolled: true,
            criticalEnrolled: true,
            premiumTier: 1,
            enrolledOn: '2022-01-03',
          }),
      ],
      [
        'subsidies.setPremium',
        () => admin.subsidies.setPremium({ orgUnitId: world.units.own.id, year: 2023, tier1: 30_000, tier2: null, note: '并发缴费标准' }),
      ],
      [
        'params.create',
        () => admin.params.create({ orgUnitId: world.units.own.id, effectiveFrom: '2030-01-01', settle: {}, note: '并发参数' }),
      ],
    ];
    for (const [name, call] of cases) {
      const results = await all(N, call);
      const refusals = results
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map((r) => r.reason as { code: string; message: string });
      expect(
        refusals.filter((e) => !['CONFLICT', 'PRECONDITION_FAILED'].includes(e.code)).map((e) => `${name}: ${e.code} ${e.message}`),
      ).toEqual([]);
      expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    }
  });

  it(`one household started ${N} times for one person, and its head changed ${N} times at once: the rows stay consistent`, async () => {
    const clerk = clerks[0]!;
    const made = await Promise.all(
      Array.from({ length: 3 }, () =>
        clerk.persons.create({ idNumber: newIdNumber(), name: '并发户主', hukouType: 'rural', orgUnitId: world.units.own.id }),
      ),
    );
    const [head, a, b] = made.map((m) => m.id) as [string, string, string];
    const results = await all(N, (i) => clerks[i % 5]!.households.create({ personId: head }));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const mine = await handle.db.select().from(households).where(eq(households.headPersonId, head));
    const person = (await handle.db.select().from(persons).where(eq(persons.id, head)))[0]!;
    // Every household started stays consistent: only the last one still has the person, as its head.
    expect(mine.map((h) => h.id)).toEqual([person.householdId]);

    const home = person.householdId!;
    await clerk.households.moveMember({ personId: a, householdId: home, relationship: '配偶' });
    await clerk.households.moveMember({ personId: b, householdId: home, relationship: '子' });
    const heads = await all(N, (i) => clerks[i % 5]!.households.setHead({ householdId: home, personId: i % 2 ? a : b }));
    expect(heads.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const h = (await handle.db.select().from(households).where(eq(households.id, home)))[0]!;
    const members = await handle.db.select().from(persons).where(eq(persons.householdId, home));
    expect(members.filter((m) => m.relationship === '户主').map((m) => m.id)).toEqual([h.headPersonId]);
  });

  it('batches of one list applied at once: one is applied, the others must be compared again', async () => {
    const idNumber = newIdNumber();
    const batches = [];
    for (let i = 0; i < 10; i++) batches.push(await world.freshBatch(idNumber));
    oneWinner(await Promise.allSettled(batches.map((b, i) => clerks[i % 5]!.lists.applyBatch({ id: b.id }))));
    const stored = await handle.db.select().from(persons).where(eq(persons.idNumber, idNumber));
    expect(stored).toHaveLength(1);
    expect(await handle.db.select().from(personCategories).where(eq(personCategories.personId, stored[0]!.id))).toHaveLength(1);
  });

  it(`one unit's table submitted by ${N} clicks at once: one version is kept`, async () => {
    const clerk = (await callerAs(handle, 'clerk', world.units.own.id)).caller;
    const input = {
      submissionId: world.rounds.toSubmit.submissionId,
      filledDate: world.today,
      rows: fullRows('并发报送'),
      sealConfirmed: true as const,
      sealConfirmedBy: '并发盖章人',
    };
    oneWinner(await all(N, () => clerk.responsibility.submit(input)));
  });
});
