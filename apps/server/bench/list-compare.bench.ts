/**
 * Benchmark: compare a generated 100 000-row department list (.xlsx) against a registry of
 * 100 000 people (issue 4: under 20 s, memory bounded by the rows). Run with `pnpm bench:list-compare`.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { createOrgTree, createTestDb, createUser } from '@portal/db/test';
import { personCategories, persons } from '@portal/db';
import { createRandom, makeName } from '@portal/db/seed';
import { makeIdNumber } from '@portal/rules';
import { createSession, findSessionUser } from '../src/services/auth/session.js';
import { previewListUpload } from '../src/services/lists/index.js';
import { env } from '../test/helpers.js';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const handle = await createTestDb();
  const tree = await createOrgTree(handle.db, 'xianning-2022');
  // Distinct valid ID numbers: one birth date per index, the sequence number taking the overflow.
  const unique = Array.from({ length: N + N / 10 }, (_, i) =>
    makeIdNumber('421222', new Date(Date.UTC(1940, 0, 1) + (i % 25_000) * 86_400_000).toISOString().slice(0, 10), Math.floor(i / 25_000)),
  );
  const registry = unique.slice(0, N);
  // Names as the person form takes them (Han characters only: a list row named "人员12" is refused).
  const random = createRandom(4);
  const names = unique.map((_, i) => makeName(random, i % 2 ? 'female' : 'male'));
  let t = Date.now();
  for (let i = 0; i < registry.length; i += 2000) {
    const rows = await handle.db
      .insert(persons)
      .values(
        registry.slice(i, i + 2000).map((idNumber, k) => ({
          name: names[i + k]!,
          idNumber,
          sex: 'male' as const,
          birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
          hukouType: 'rural' as const,
          orgUnitId: tree.countyA.id,
          regionPath: tree.countyA.path,
        })),
      )
      .returning({ id: persons.id });
    await handle.db
      .insert(personCategories)
      .values(
        rows.map((r) => ({ personId: r.id, category: 'marginal', startDate: '2022-01-01', sourceDepartment: 'poverty_office' as const })),
      );
  }
  console.log(`registry of ${registry.length} people seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // The list: 95 % of the registry (5 % left), 5 % new people, 1 % renamed, 0.5 % invalid.
  t = Date.now();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '身份证号', '人员类别', '认定日期']).commit();
  let rows = 0;
  for (let i = 0; i < registry.length && rows < N; i++) {
    if (i % 20 === 0) continue;
    ws.addRow([i % 100 === 1 ? `${names[i]}改` : names[i]!, registry[i]!, '边缘易致贫人口', '2022-01-01']).commit();
    rows++;
  }
  for (let i = 0; rows < N; i++, rows++) {
    if (i % 10 === 0) ws.addRow([`无效${i}`, '42122219900101000', '边缘易致贫人口', '']).commit();
    else
      ws.addRow([names[N + (i % (unique.length - N))]!, unique[N + (i % (unique.length - N))]!, '边缘易致贫人口', '2022-06-01']).commit();
  }
  await ws.commit();
  await wb.commit();
  const bytes = Buffer.concat(chunks);
  console.log(`list of ${rows} rows written as .xlsx (${mb(bytes.length)}) in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: 'x' });
  const session = await createSession(handle.db, user.id, new Date(), env);
  const sessionUser = await findSessionUser(handle.db, session.token, new Date(), env);
  const ctx = { db: handle.db, env, actor: sessionUser!, ip: null, now: () => new Date(), log: () => {} };
  global.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
  t = Date.now();
  const preview = await previewListUpload({
    ctx,
    input: { meta: { sourceDepartment: 'poverty_office', listDate: '2022-12-31', fileName: 'bench.xlsx' }, bytes },
  });
  const seconds = (Date.now() - t) / 1000;
  clearInterval(sampler);
  console.log(
    `compared ${preview.rowCount} rows in ${seconds.toFixed(1)} s: new ${preview.newCount}, left ${preview.leftCount}, changed ${preview.changedCount}, invalid ${preview.invalidCount}, unchanged ${preview.unchangedCount}`,
  );
  console.log(
    `heap before ${mb(baseHeap)}, peak ${mb(peakHeap)} (growth ${mb(peakHeap - baseHeap)} for ${preview.rowCount} rows, file ${mb(bytes.length)})`,
  );
  await handle.close();
  if (seconds > 20) {
    console.error('FAIL: comparison took longer than 20 s');
    process.exit(1);
  }
}

void main();
