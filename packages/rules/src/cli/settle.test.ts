/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_REQUEST } from '../settlement/test-helpers.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

function runSettle(stdin: string) {
  return spawnSync('npx', ['tsx', 'src/cli/settle.ts'], { cwd: PACKAGE_DIR, input: stdin, encoding: 'utf8', timeout: 60_000 });
}

describe('settle CLI', () => {
  it('prints the result JSON on stdout and exits 0', () => {
    const r = runSettle(JSON.stringify(EXAMPLE_REQUEST));
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.appliedCategory).toBe('registered_poor');
    expect(result.totals).toEqual({ fundPaid: 2625063, hospitalBorne: 0, patientPays: 374937 });
    expect(result.lines.map((l: { tier: string; amount: number }) => [l.tier, l.amount])).toEqual([
      ['basic', 2062500],
      ['critical', 154375],
      ['assistance', 408188],
    ]);
  }, 60_000);

  it('exits 2 with a Chinese message and the field path on a failing request', () => {
    const r = runSettle(JSON.stringify({ ...EXAMPLE_REQUEST, costs: { total: 100, inScope: 200 } }));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('字段 costs.inScope：政策范围内费用不能大于总费用');
  }, 60_000);

  it('exits 2 on input that is not JSON', () => {
    const r = runSettle('{ not json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('输入不是有效的 JSON');
  }, 60_000);
});
