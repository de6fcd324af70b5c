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

  it('exits 2 on a category the profile does not know, naming the field (RULES §8a.8)', () => {
    const r = runSettle(
      JSON.stringify({ ...EXAMPLE_REQUEST, person: { categories: ['registered_poor', 'low_income'], countyCode: '522732' } }),
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('字段 person.categories.1：“低收入对象”（low_income）不是黔南州（2019）口径的人员类别');
  }, 60_000);

  it('exits 2 on a county outside the jurisdiction', () => {
    const r = runSettle(JSON.stringify({ ...EXAMPLE_REQUEST, person: { categories: ['registered_poor'], countyCode: '430121' } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('字段 person.countyCode：县级区划代码 430121 不在黔南州（2019）辖区内（应以 5227 开头）');
  }, 60_000);

  it('an amount of 1e20 fen is out of range, not a decimal', () => {
    const r = runSettle(JSON.stringify({ ...EXAMPLE_REQUEST, costs: { total: 1e20, inScope: 0 } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('字段 costs.total：金额超出范围');
    expect(r.stderr).not.toContain('小数');
  }, 60_000);

  it('exits 2 with a Chinese message on a JSON array, a string or null', () => {
    for (const [input, type] of [
      [JSON.stringify([EXAMPLE_REQUEST]), '数组'],
      ['"qiannan-2019"', '字符串'],
      ['null', '空值（null）'],
    ] as const) {
      const r = runSettle(input);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`输入应为一个 JSON 对象 {…}，收到的是${type}\n`);
    }
  }, 60_000);

  it('exits 2 on input that is not JSON', () => {
    const r = runSettle('{ not json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('输入不是有效的 JSON');
  }, 60_000);
});
