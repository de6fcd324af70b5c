import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, sql } from '@portal/db';
import { backup, fingerprint, restore } from '@portal/db/backup';
import { seedDemo } from '@portal/db/seed';
import { hashPassword } from '../src/lib/password.js';

/** Restore drills: back up a seeded database, restore it elsewhere, compare every table. */
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'portal-backup-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('backup and restore', () => {
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PGlite: the restored folder has the same rows and checksums',
    async () => {
      const source = join(temp(), 'db');
      const handle = await openDb({ dataDir: source });
      await handle.migrate();
      await seedDemo(handle.db, { hashPassword, personsPerJurisdiction: 10 });
      const before = await fingerprint(handle.db);
      await handle.close();
      const file = join(temp(), 'portal.tar.gz');
      await backup({ dataDir: source }, file);
      const target = join(temp(), 'restored');
      await restore({ dataDir: target }, file);
      await expect(restore({ dataDir: target }, file)).rejects.toThrow(/不是空目录/);
      const restored = await openDb({ dataDir: target });
      const after = await fingerprint(restored.db);
      await restored.close();
      expect(after).toEqual(before);
      expect(before.persons!.rows).toBeGreaterThan(40);
      expect(before.audit_log).toBeDefined();
    },
    120_000,
  );

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PostgreSQL: pg_dump custom format restored into another database is identical',
    async () => {
      const admin = await openDb({ databaseUrl: process.env.TEST_DATABASE_URL });
      const suffix = Math.random().toString(36).slice(2, 8);
      const [src, dst] = [`drill_src_${suffix}`, `drill_dst_${suffix}`];
      await admin.db.execute(sql.raw(`create database ${src}`));
      await admin.db.execute(sql.raw(`create database ${dst}`));
      const urlOf = (name: string) => process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`);
      try {
        const source = await openDb({ databaseUrl: urlOf(src) });
        await source.migrate();
        await seedDemo(source.db, { hashPassword, personsPerJurisdiction: 10 });
        const before = await fingerprint(source.db);
        await source.close();
        const file = join(temp(), 'portal.dump');
        await backup({ databaseUrl: urlOf(src) }, file);
        await restore({ databaseUrl: urlOf(dst) }, file);
        const target = await openDb({ databaseUrl: urlOf(dst) });
        const after = await fingerprint(target.db);
        await target.close();
        expect(after).toEqual(before);
        expect(before.persons!.rows).toBeGreaterThan(40);
      } finally {
        await admin.db.execute(sql.raw(`drop database if exists ${src}`));
        await admin.db.execute(sql.raw(`drop database if exists ${dst}`));
        await admin.close();
      }
    },
    120_000,
  );
});
