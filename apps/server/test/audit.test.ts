import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eq, sql, type DbHandle } from '@portal/db';
import { callerAs, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

describe('audit log', () => {
  it('is append-only in the database: UPDATE and DELETE are refused', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'admin', tree.root.id);
    await caller.subsidies.setPremium({ orgUnitId: tree.root.id, year: 2040, tier1: 38000, tier2: null, note: '测试' });
    const row = (await handle.db.select().from(auditLog).limit(1))[0]!;
    await expect(handle.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(handle.db.delete(auditLog).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await handle.db.select().from(auditLog).where(eq(auditLog.id, row.id)))[0]?.action).toBe(row.action);
  });

  it('shows Chinese names, the changed fields with amounts in yuan, filters, and pages by cursor', async () => {
    const tree = await makeTree(handle);
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    for (let i = 0; i < 3; i++) {
      await admin.subsidies.setPremium({ orgUnitId: tree.root.id, year: 2030 + i, tier1: 38000 + i, tier2: null, note: `第${i}次` });
    }
    const { caller: supervisor } = await callerAs(handle, 'supervisor', tree.root.id);
    const first = await supervisor.audit.list({ action: 'premium.create', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.actionLabel).toBe('设置缴费标准');
    expect(first.items[0]!.entityLabel).toBe('缴费标准');
    const tier = first.items[0]!.changes.find((c) => c.field === 'tier1')!;
    expect(tier.label).toBe('一档标准');
    expect(tier.after).toBe('380.02 元');
    expect(first.nextCursor).not.toBeNull();
    const second = await supervisor.audit.list({ action: 'premium.create', limit: 2, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
    // Another region's supervisor sees none of them.
    const other = await makeTree(handle);
    const { caller: stranger } = await callerAs(handle, 'supervisor', other.root.id);
    expect(
      (await stranger.audit.list({ action: 'premium.create', limit: 50 })).items.filter((i) => first.items.some((f) => f.id === i.id)),
    ).toEqual([]);
    await expect(stranger.audit.list({ orgUnitId: tree.root.id, limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('changes to the national holiday table are visible to every jurisdiction', async () => {
    const tree = await makeTree(handle);
    const { caller: system } = await callerAs(handle, 'admin', tree.system.id);
    await system.calendar.save({ year: 2049, holidays: ['2049-01-01'], workingDays: [], source: '测试' });
    const { caller: local } = await callerAs(handle, 'admin', tree.root.id);
    const rows = await local.audit.list({ entity: 'calendar_year', limit: 10 });
    expect(rows.items.some((r) => r.entityId === '2049' && r.actionLabel === '录入节假日安排')).toBe(true);
  });
});
