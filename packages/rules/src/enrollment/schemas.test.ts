import { describe, expect, it } from 'vitest';
import { ZEnrollmentRecordInput, ZResolveEnrollmentInput } from './index.js';

const UUID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('enrollment records (应保尽保)', () => {
  it('requires a reason and a deadline when not enrolled, a date and tier when enrolled', () => {
    const none = ZEnrollmentRecordInput.safeParse({
      personId: UUID,
      year: 2019,
      basicEnrolled: false,
      criticalEnrolled: false,
      notEnrolledReason: 'refused',
    });
    expect(none.error!.issues.map((i) => i.path.join('.'))).toEqual(['resolutionDeadline']);
    const deceased = ZEnrollmentRecordInput.safeParse({
      personId: UUID,
      year: 2019,
      basicEnrolled: false,
      criticalEnrolled: false,
      notEnrolledReason: 'deceased',
    });
    expect(deceased.success).toBe(true);
    const enrolled = ZEnrollmentRecordInput.safeParse({ personId: UUID, year: 2019, basicEnrolled: true, criticalEnrolled: true });
    expect(enrolled.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['enrolledOn', 'premiumTier']);
  });
  it('closing a work-list item needs a note', () => {
    expect(ZResolveEnrollmentInput.safeParse({ id: UUID, resolution: '已' }).error?.issues[0]?.path).toEqual(['resolution']);
    expect(ZResolveEnrollmentInput.safeParse({ id: UUID, resolution: '已在外地参保' }).success).toBe(true);
  });
});
