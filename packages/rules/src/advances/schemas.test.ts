import { describe, expect, it } from 'vitest';
import { ZAdvanceDeclarationInput, ZAdvancePaymentInput } from './schemas.js';

describe('advance declarations (000 §二(五)1)', () => {
  it('advance declaration: period order, receipt after the period, positive total', () => {
    const base = {
      hospitalId: '3b241101-e2bb-4255-8caf-4136c566a962',
      periodFrom: '2019-09-01',
      periodTo: '2019-09-30',
      receivedOn: '2019-10-08',
      basic: 1,
      critical: 0,
      assistance: 0,
      idempotencyKey: 'abcdefgh',
    };
    expect(ZAdvanceDeclarationInput.safeParse(base).success).toBe(true);
    expect(ZAdvanceDeclarationInput.safeParse({ ...base, receivedOn: '2019-09-15' }).error?.issues[0]?.path).toEqual(['receivedOn']);
    expect(ZAdvanceDeclarationInput.safeParse({ ...base, basic: 0 }).error?.issues[0]?.path).toEqual(['basic']);
  });
  it('a payment names the instalment and a payment reference', () => {
    const base = { id: '3b241101-e2bb-4255-8caf-4136c566a962', version: 1, requestKey: 'abcdefgh', amount: 700, paymentRef: 'ZF2019001' };
    expect(ZAdvancePaymentInput.safeParse({ ...base, instalment: 'first' }).success).toBe(true);
    expect(ZAdvancePaymentInput.safeParse({ ...base, instalment: 'second' }).success).toBe(false);
    expect(ZAdvancePaymentInput.safeParse({ ...base, instalment: 'rest', paymentRef: 'x' }).error?.issues[0]?.path).toEqual(['paymentRef']);
  });
});
