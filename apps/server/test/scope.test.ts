import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eq, users, type DbHandle } from '@portal/db';
import { createPerson } from '@portal/db/test';
import { callerAs, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

describe('region scoping', () => {
  it('a county clerk cannot read another county’s person', async () => {
    const tree = await makeTree(handle);
    const other = await createPerson(handle.db, { orgUnitId: tree.countyB.id, regionPath: tree.countyB.path, name: '乙县人员' });
    const mine = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path, name: '甲县人员' });
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    await expect(caller.persons.get({ id: other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const got = await caller.persons.get({ id: mine.id });
    expect(got.name).toBe('甲县人员');
    expect(got.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const list = await caller.persons.list({});
    expect(list.items.map((p) => p.id)).toContain(mine.id);
    expect(list.items.map((p) => p.id)).not.toContain(other.id);
  });

  it('a city supervisor sees both counties', async () => {
    const tree = await makeTree(handle);
    await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    await createPerson(handle.db, { orgUnitId: tree.countyB.id, regionPath: tree.countyB.path });
    const { caller } = await callerAs(handle, 'supervisor', tree.root.id);
    const list = await caller.persons.list({});
    expect(list.count).toEqual({ value: 2, isEstimate: false });
  });

  it('search by the last digits of the ID number', async () => {
    const tree = await makeTree(handle);
    const p = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const list = await caller.persons.list({ q: p.idNumber.slice(-6) });
    expect(list.items.map((x) => x.id)).toEqual([p.id]);
  });
});

describe('user administration', () => {
  it('refuses non-admins', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(caller.admin.listUsers({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an admin creates a user in its region with an audit row in the same transaction', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'admin', tree.root.id);
    const created = await caller.admin.createUser({
      username: `New${Date.now()}`,
      displayName: '新用户',
      role: 'clerk',
      orgUnitId: tree.countyA.id,
      password: 'Passw0rd!',
    });
    expect(created.username).toBe(created.username.toLowerCase());
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
  });

  it('an admin cannot create a user outside its region, and nothing is written', async () => {
    const mine = await makeTree(handle);
    const theirs = await makeTree(handle);
    const { caller } = await callerAs(handle, 'admin', mine.root.id);
    const username = `outside${Date.now()}`;
    await expect(
      caller.admin.createUser({ username, displayName: '越权', role: 'clerk', orgUnitId: theirs.countyA.id, password: 'Passw0rd!' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rows = await handle.db.select().from(users).where(eq(users.username, username));
    expect(rows).toHaveLength(0);
  });

  it('refuses a duplicate username with a field-level conflict', async () => {
    const tree = await makeTree(handle);
    const { caller, user } = await callerAs(handle, 'admin', tree.root.id);
    await expect(
      caller.admin.createUser({
        username: user.username,
        displayName: '重复',
        role: 'clerk',
        orgUnitId: tree.countyA.id,
        password: 'Passw0rd!',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects a weak password with a Chinese message', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'admin', tree.root.id);
    await expect(
      caller.admin.createUser({
        username: `weak${Date.now()}`,
        displayName: '弱密码',
        role: 'clerk',
        orgUnitId: tree.countyA.id,
        password: 'short',
      }),
    ).rejects.toThrow(/密码至少 8 位/);
  });
});
