import { describe, expect, it } from 'vitest';
import { ZCreateHouseholdInput, ZMoveMemberInput, ZSetHeadInput } from './index.js';

const UUID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('household input', () => {
  it('treats a blank household number and address as absent', () => {
    const v = ZCreateHouseholdInput.parse({ personId: UUID, householdNo: ' ', address: '' });
    expect(v.householdNo).toBeUndefined();
    expect(v.address).toBeUndefined();
    expect(ZCreateHouseholdInput.safeParse({ personId: UUID, householdNo: '户-1' }).error?.issues[0]?.path).toEqual(['householdNo']);
  });
  it('a move names the household and the relationship to its head', () => {
    expect(ZMoveMemberInput.safeParse({ personId: UUID, householdId: UUID, relationship: '配偶' }).success).toBe(true);
    expect(ZMoveMemberInput.safeParse({ personId: UUID, householdId: UUID, relationship: '朋友' }).error?.issues[0]?.message).toBe(
      '请选择与户主关系',
    );
    expect(ZSetHeadInput.safeParse({ householdId: UUID, personId: 'x' }).success).toBe(false);
  });
});
