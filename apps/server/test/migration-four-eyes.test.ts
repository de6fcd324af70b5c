import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDb, type DbHandle } from '@portal/db';

/**
 * Migration 0010 (decision 0009) on rows written before it: a case's payee becomes the person's
 * registered account (a paid case keeps the account it was paid to), and advance payments become
 * dated payment rows with a migrated approval. PGlite only: the PostgreSQL run shares one database
 * that is already migrated.
 */
const files = readdirSync(MIGRATIONS_FOLDER)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();
const before = files.filter((f) => f < '0010');
const fourEyes = files.find((f) => f.startsWith('0010_'));

let handle: DbHandle;
async function run(file: string) {
  const text = readFileSync(join(MIGRATIONS_FOLDER, file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await handle.pglite!.exec(statement);
}
const rows = async <T>(query: string) => (await handle.pglite!.query<T>(query)).rows;

beforeAll(async () => {
  handle = await openDb({ dataDir: 'memory://' });
});
afterAll(async () => handle.close());

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('migration 0010: four eyes on existing rows', () => {
  it('gives existing cases their payee and turns advance payments into dated rows', async () => {
    expect(fourEyes).toBeDefined();
    for (const f of before) await run(f);
    await handle.pglite!.exec(`
      insert into org_units (id, code, name, level, path) values ('00000000-0000-4000-8000-000000000001', '990101', '旧县', 'county', '/990101/');
      insert into users (id, username, display_name, role, org_unit_id, password_hash) values
        ('00000000-0000-4000-8000-0000000000a1', 'old-clerk', '旧经办', 'clerk', '00000000-0000-4000-8000-000000000001', 'x'),
        ('00000000-0000-4000-8000-0000000000a2', 'old-reviewer', '旧审核', 'reviewer', '00000000-0000-4000-8000-000000000001', 'x');
      insert into persons (id, name, id_number, sex, birth_date, hukou_type, org_unit_id, region_path, bank_account, bank_name) values
        ('00000000-0000-4000-8000-0000000000b1', '旧参保人', '990101199001011234', 'male', '1990-01-01', 'rural',
         '00000000-0000-4000-8000-000000000001', '/990101/', '6217 0000 1234 5678 901', '旧县信用社');
      insert into hospitals (id, owner_org_unit_id, region_path, code, name, level, region_code, region_name) values
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001', '/990101/', 'H-OLD', '旧县医院', 2, '990101', '旧县');
    `);
    const caseRow = (id: string, status: string, extra: string) => `
      insert into reimbursement_cases (id, case_no, kind, status, person_id, org_unit_id, region_path, hospital_id, visit, materials,
        received_on, second_review_by, idempotency_key, created_by, payee_account)
      values ('${id}', 'LX-${id.slice(-2)}', 'non_networked', '${status}', '00000000-0000-4000-8000-0000000000b1',
        '00000000-0000-4000-8000-000000000001', '/990101/', '00000000-0000-4000-8000-0000000000c1', '{}', '{}', '2019-09-02',
        ${status === 'registration' ? 'null' : `'00000000-0000-4000-8000-0000000000a2'`}, 'k-${id}', '00000000-0000-4000-8000-0000000000a1', ${extra});`;
    await handle.pglite!.exec(
      caseRow('00000000-0000-4000-8000-0000000000d1', 'registration', 'null') +
        caseRow('00000000-0000-4000-8000-0000000000d2', 'payment', 'null') +
        caseRow('00000000-0000-4000-8000-0000000000d3', 'paid', `'6228480000000000042'`),
    );
    await handle.pglite!.exec(`
      insert into advance_declarations (id, declaration_no, hospital_id, org_unit_id, region_path, period_from, period_to, received_on,
        basic, total, status, first_paid_amount, first_paid_on, first_payment_ref, approved_total, rest_paid_amount, rest_paid_on,
        rest_payment_ref, idempotency_key, created_by)
      values
        ('00000000-0000-4000-8000-0000000000e1', 'DF-1', '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001',
         '/990101/', '2019-08-01', '2019-08-31', '2019-09-20', 1000000, 1000000, 'settled', 700000, '2019-09-27', 'YF-OLD', 950000, 250000,
         '2019-10-15', 'JQ-OLD', 'k-e1', '00000000-0000-4000-8000-0000000000a1'),
        ('00000000-0000-4000-8000-0000000000e2', 'DF-2', '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001',
         '/990101/', '2019-08-01', '2019-08-31', '2019-09-20', 500000, 500000, 'received', 0, null, null, null, 0, null, null, 'k-e2',
         '00000000-0000-4000-8000-0000000000a1');
      insert into audit_log (user_id, action, entity, entity_id) values
        ('00000000-0000-4000-8000-0000000000a2', 'advance.pay_first', 'advance_declaration', '00000000-0000-4000-8000-0000000000e1');
    `);

    await run(fourEyes!);

    const cases = await rows<{
      id: string;
      payee_name: string;
      payee_bank_name: string;
      payee_account: string;
      payee_source: string;
      payee_verified_by: string | null;
    }>(`select id, payee_name, payee_bank_name, payee_account, payee_source, payee_verified_by from reimbursement_cases order by id`);
    expect(cases).toEqual([
      // Open: the registered account, spaces removed; not yet checked.
      expect.objectContaining({
        payee_name: '旧参保人',
        payee_bank_name: '旧县信用社',
        payee_account: '6217000012345678901',
        payee_source: 'registered',
        payee_verified_by: null,
      }),
      // Past 复核: counted as checked by its reviewer, who saw the registered account.
      expect.objectContaining({
        payee_account: '6217000012345678901',
        payee_source: 'registered',
        payee_verified_by: '00000000-0000-4000-8000-0000000000a2',
      }),
      // Paid to an account typed at 支付: that account stays, marked as entered.
      expect.objectContaining({ payee_account: '6228480000000000042', payee_source: 'entered' }),
    ]);
    const approvals = await rows<{ declaration_id: string; stage: string; amount: string; approved_by: string; approved_on: string }>(
      `select declaration_id, stage, amount::text, approved_by, approved_on::text from advance_approvals order by stage`,
    );
    expect(approvals).toEqual([
      {
        declaration_id: '00000000-0000-4000-8000-0000000000e1',
        stage: 'first',
        amount: '700000',
        approved_by: '00000000-0000-4000-8000-0000000000a2',
        approved_on: '2019-09-27',
      },
      {
        declaration_id: '00000000-0000-4000-8000-0000000000e1',
        stage: 'total',
        amount: '950000',
        approved_by: '00000000-0000-4000-8000-0000000000a1',
        approved_on: '2019-10-15',
      },
    ]);
    const payments = await rows<{ instalment: string; amount: string; paid_on: string; payment_ref: string }>(
      `select instalment, amount::text, paid_on::text, payment_ref from advance_payments order by paid_on`,
    );
    expect(payments).toEqual([
      { instalment: 'first', amount: '700000', paid_on: '2019-09-27', payment_ref: 'YF-OLD' },
      { instalment: 'rest', amount: '250000', paid_on: '2019-10-15', payment_ref: 'JQ-OLD' },
    ]);
    const columns = await rows<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'advance_declarations' and column_name like '%paid_amount'`,
    );
    expect(columns).toEqual([]);
  });
});
