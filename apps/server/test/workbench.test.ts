import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarYears, eq, loginThrottle, users, type DbHandle } from '@portal/db';
import { createUser } from '@portal/db/test';
import { callerAs, makeTree, setupDb, testPasswordHash } from './helpers.js';

let handle: DbHandle;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  handle = await setupDb();
  tree = await makeTree(handle);
});
afterAll(async () => {
  await handle.close();
});

const NOVEMBER = new Date('2026-11-10T02:00:00Z');
const OCTOBER = new Date('2026-10-10T02:00:00Z');

describe('admin workbench', () => {
  it('warns from November on that next year has no holiday arrangement, and not before', async () => {
    await handle.db.delete(calendarYears).where(eq(calendarYears.year, 2027));
    const nov = await callerAs(handle, 'admin', tree.root.id, { now: () => NOVEMBER });
    const items = (await nov.caller.workbench.admin()).items;
    const missing = items.find((i) => i.key === 'calendarMissing');
    expect(missing).toMatchObject({ label: '2027 年节假日安排未录入', count: { value: 1 }, to: '/admin/calendar' });
    const oct = await callerAs(handle, 'admin', tree.root.id, { now: () => OCTOBER });
    expect((await oct.caller.workbench.admin()).items.some((i) => i.key === 'calendarMissing')).toBe(false);
  });

  it('counts the locked accounts of the region — the same ones the user list shows with its 已锁定 filter', async () => {
    const hash = await testPasswordHash();
    const lockedA = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: hash });
    const throttledA = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'reviewer', passwordHash: hash });
    const expiredA = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: hash });
    const lockedB = await createUser(handle.db, { orgUnitId: tree.countyB.id, role: 'clerk', passwordHash: hash });
    const now = new Date();
    const later = new Date(now.getTime() + 3600_000);
    const earlier = new Date(now.getTime() - 3600_000);
    await handle.db.update(users).set({ lockedUntil: later }).where(eq(users.id, lockedA.id));
    await handle.db.update(users).set({ lockedUntil: later }).where(eq(users.id, lockedB.id));
    await handle.db.update(users).set({ lockedUntil: earlier }).where(eq(users.id, expiredA.id));
    await handle.db.insert(loginThrottle).values({ userId: throttledA.id, ip: '10.0.0.9', failures: 5, lockedUntil: later });

    const adminA = await callerAs(handle, 'admin', tree.countyA.id, { now: () => now });
    const item = (await adminA.caller.workbench.admin()).items.find((i) => i.key === 'lockedAccounts');
    expect(item?.count).toEqual({ value: 2, isEstimate: false });
    expect(item?.to).toBe('/admin/users?locked=1');
    const list = await adminA.caller.admin.listUsers({ locked: true });
    expect(list.items.map((u) => u.id).sort()).toEqual([lockedA.id, throttledA.id].sort());
    expect(list.total).toBe(item?.count.value);
    expect(list.items.every((u) => u.isLocked)).toBe(true);

    // The parent admin sees both counties' locked accounts.
    const adminRoot = await callerAs(handle, 'admin', tree.root.id, { now: () => now });
    const rootItem = (await adminRoot.caller.workbench.admin()).items.find((i) => i.key === 'lockedAccounts');
    expect(rootItem?.count.value).toBe(3);
  });

  it('refuses every other role with the permission sentence', async () => {
    for (const role of ['clerk', 'reviewer', 'supervisor'] as const) {
      const { caller } = await callerAs(handle, role, tree.countyA.id);
      await expect(caller.workbench.admin()).rejects.toThrow('只有系统管理员可以查看管理员工作台');
    }
  });
});
