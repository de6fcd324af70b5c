import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number/index.js';
import { ZCategoryFactInput, ZPersonCreateInput, categoriesOn, heldDuringYear, heldOn } from './index.js';

const UUID = '3b241101-e2bb-4255-8caf-4136c566a962';
const ID_A = makeIdNumber('522732', '1970-05-01', 11);
const BAD_ID = ID_A.slice(0, 17) + (ID_A[17] === '1' ? '2' : '1');

describe('person input', () => {
  it('normalises the ID number and treats blank optional fields as absent', () => {
    const v = ZPersonCreateInput.parse({
      idNumber: ID_A.toLowerCase(),
      name: ' 王 芳 ',
      hukouType: 'rural',
      orgUnitId: UUID,
      phone: '',
      bankAccount: '6217 0000 1234 5678',
      townshipCode: '',
    });
    expect(v.idNumber).toBe(ID_A);
    expect(v.phone).toBeUndefined();
    expect(v.bankAccount).toBe('6217000012345678');
  });
  it('names the field at fault', () => {
    const r = ZPersonCreateInput.safeParse({ idNumber: BAD_ID, name: '王', hukouType: 'x', orgUnitId: UUID, bankAccount: '12ab' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['idNumber', 'name', 'hukouType', 'bankAccount']));
  });
});

describe('category facts', () => {
  it('refuses an end date before the start and the ordinary category', () => {
    const r = ZCategoryFactInput.safeParse({
      personId: UUID,
      category: 'ordinary',
      startDate: '2019-05-01',
      endDate: '2019-04-01',
      sourceDepartment: 'civil_affairs',
    });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['category', 'endDate']));
  });
});

describe('categories on a date', () => {
  const facts = [
    { category: 'registered_poor', startDate: '2018-03-01', endDate: '2019-03-31' },
    { category: 'extreme_poverty', startDate: '2019-09-15', endDate: null },
  ];
  it('answers which categories held on a date', () => {
    expect(categoriesOn(facts, '2019-01-01')).toEqual(['registered_poor']);
    expect(categoriesOn(facts, '2019-06-01')).toEqual([]);
    expect(categoriesOn(facts, '2019-10-01')).toEqual(['extreme_poverty']);
  });
  it('holds a fact on both end days and during any year it touches', () => {
    const fact = facts[0]!;
    expect([heldOn(fact, '2018-03-01'), heldOn(fact, '2019-03-31'), heldOn(fact, '2019-04-01')]).toEqual([true, true, false]);
    expect([heldDuringYear(fact, 2017), heldDuringYear(fact, 2018), heldDuringYear(fact, 2019), heldDuringYear(fact, 2020)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(heldDuringYear(facts[1]!, 2030)).toBe(true);
  });
});
