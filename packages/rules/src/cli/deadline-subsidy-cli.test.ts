/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(script: 'deadline' | 'subsidy', input: string) {
  const r = spawnSync(tsx, [`src/cli/${script}.ts`], { cwd: root, input, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('deadline CLI', { timeout: 30_000 }, () => {
  it('§9 example 8 → 2019-10-30, exit 0', () => {
    const r = run('deadline', JSON.stringify({ start: '2019-09-20', workingDays: 25 }));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ due: '2019-10-30' });
  });
  it('suspensions', () => {
    const r = run(
      'deadline',
      JSON.stringify({ start: '2019-09-20', workingDays: 25, suspensions: [{ from: '2019-09-27', to: '2019-10-09' }] }),
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).due).toBe('2019-11-06');
  });
  it('bad input → exit 2 with the field on stderr', () => {
    const r = run('deadline', JSON.stringify({ start: '2019-9-20', workingDays: 2.5 }));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('start');
    expect(r.stderr).toContain('workingDays');
  });
  it('an array or a huge number → exit 2 with a Chinese message', () => {
    const array = run('deadline', JSON.stringify([{ start: '2019-09-20', workingDays: 25 }]));
    expect(array.status).toBe(2);
    expect(array.stderr).toContain('输入应为一个 JSON 对象 {…}，收到的是数组');
    const huge = run('deadline', JSON.stringify({ start: '2019-09-20', workingDays: 1e20 }));
    expect(huge.status).toBe(2);
    expect(huge.stderr).toContain('字段 workingDays：工作日数超出范围（不能超过 366）');
    expect(huge.stderr).not.toContain('整数');
    const wrongType = run('deadline', JSON.stringify({ start: '2019-09-20', workingDays: 25, suspensions: {} }));
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toMatch(/字段 suspensions：\P{ASCII}/u);
  });
  it('not JSON → exit 2', () => {
    const r = run('deadline', '{start:');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('JSON');
  });
  it('a year without holiday data → a provisional date (exit 0, RULES §8); calendarYears gives the final one', () => {
    const r = run('deadline', JSON.stringify({ start: '2026-12-20', workingDays: 25 }));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ due: '2027-01-22', provisional: true, missingYears: [2027] });
    const ok = run(
      'deadline',
      JSON.stringify({ start: '2026-12-20', workingDays: 25, calendarYears: [{ year: 2027, holidays: ['2027-01-01'], workingDays: [] }] }),
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).due).toBe('2027-01-25');
    expect(JSON.parse(ok.stdout).provisional).toBeUndefined();
  });
});

describe('subsidy CLI', { timeout: 30_000 }, () => {
  it('§9 example 6', () => {
    const r = run(
      'subsidy',
      JSON.stringify({
        profile: 'qiannan-2019',
        year: 2019,
        premium: 25_000,
        person: { categories: ['registered_poor'], countyCode: '522725' },
      }),
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      appliedCategory: 'registered_poor',
      amount: 10_000,
      shares: { province: 5_000, prefecture: 2_000, county: 3_000 },
    });
  });
  it('§9 example 7', () => {
    const r = run(
      'subsidy',
      JSON.stringify({
        profile: 'xianning-2022',
        year: 2023,
        premium: 38_000,
        person: { categories: ['subsistence_allowance'], countyCode: '421202' },
      }),
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ appliedCategory: 'subsistence_allowance', amount: 34_200 });
  });
  it('no subsidised category → ordinary, 0', () => {
    const r = run(
      'subsidy',
      JSON.stringify({ profile: 'weihai-2019', year: 2019, premium: 30_000, person: { categories: [], countyCode: '371002' } }),
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ appliedCategory: 'ordinary', amount: 0 });
  });
  it('a category the profile does not know, or a county outside it → exit 2 naming the field (RULES §8a.8)', () => {
    const base = { profile: 'weihai-2019', year: 2019, premium: 30_000 };
    const category = run('subsidy', JSON.stringify({ ...base, person: { categories: ['marginal'], countyCode: '371002' } }));
    expect(category.status).toBe(2);
    expect(category.stderr).toContain('字段 person.categories.0：“边缘易致贫人口”（marginal）不是威海市（2019）口径的人员类别');
    const county = run('subsidy', JSON.stringify({ ...base, person: { categories: ['orphan'], countyCode: '370102' } }));
    expect(county.status).toBe(2);
    expect(county.stderr).toContain('字段 person.countyCode：县（市、区）代码 370102 不在威海市（2019）辖区内（应以 3710 开头）');
  });
  it('an array or a premium of 1e20 → exit 2 with a Chinese message', () => {
    const array = run('subsidy', '[]');
    expect(array.status).toBe(2);
    expect(array.stderr).toContain('输入应为一个 JSON 对象 {…}，收到的是数组');
    const huge = run(
      'subsidy',
      JSON.stringify({ profile: 'weihai-2019', year: 2019, premium: 1e20, person: { categories: ['orphan'], countyCode: '371002' } }),
    );
    expect(huge.status).toBe(2);
    expect(huge.stderr).toContain('字段 premium：个人缴费标准超出范围');
    expect(huge.stderr).not.toContain('整数');
  });
  it('bad input → exit 2', () => {
    const r = run(
      'subsidy',
      JSON.stringify({ profile: 'nowhere', year: 2019, premium: -1, person: { categories: ['x'], countyCode: '52' } }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('profile');
    expect(r.stderr).toContain('premium');
    expect(r.stderr).toContain('person.countyCode');
  });
});
