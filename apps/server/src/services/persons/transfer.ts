import {
  and,
  enrollments,
  eq,
  gte,
  inArray,
  isNull,
  ne,
  offsiteRegistrations,
  referralOverrides,
  referrals,
  reimbursementAttachments,
  reimbursementCases,
  type orgUnits,
} from '@portal/db';
import { type ActorContext, chinaDate, writeAudit } from '../../core/index.js';

type Unit = typeof orgUnits.$inferSelect;

/** The county part of a region path (`/000000/421200/421222/` or a township below it). */
function countyPathOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return `/${parts.slice(0, Math.min(parts.length, 3)).join('/')}/`;
}

/**
 * When a person moves to another county, what is still open moves with them and the old county
 * loses access to it: reimbursement cases not yet paid (with their scans), enrollment records of
 * this year and later, referrals and off-site registrations still valid, 视同转诊 overrides not yet
 * used. Settled claims stay where they were paid (the old agency's records of its fund's
 * payments). Runs inside the caller's transaction; one audit row lists what moved.
 */
export async function transferOpenRecords(ctx: ActorContext, personId: string, from: Unit | { path: string }, to: Unit) {
  if (countyPathOf(from.path) === countyPathOf(to.path)) return null;
  const today = chinaDate(ctx.now());
  const year = Number(today.slice(0, 4));
  const move = { orgUnitId: to.id, regionPath: to.path };
  const cases = await ctx.db
    .update(reimbursementCases)
    .set({ ...move, updatedAt: ctx.now() })
    .where(and(eq(reimbursementCases.personId, personId), ne(reimbursementCases.status, 'paid')))
    .returning({ id: reimbursementCases.id });
  if (cases.length) {
    await ctx.db
      .update(reimbursementAttachments)
      .set({ regionPath: to.path })
      .where(
        inArray(
          reimbursementAttachments.caseId,
          cases.map((c) => c.id),
        ),
      );
  }
  const years = await ctx.db
    .update(enrollments)
    .set({ regionPath: to.path })
    .where(and(eq(enrollments.personId, personId), gte(enrollments.year, year)))
    .returning({ id: enrollments.id });
  const openReferrals = await ctx.db
    .update(referrals)
    .set(move)
    .where(and(eq(referrals.personId, personId), inArray(referrals.status, ['submitted', 'registered']), gte(referrals.validUntil, today)))
    .returning({ id: referrals.id });
  const offsite = await ctx.db
    .update(offsiteRegistrations)
    .set(move)
    .where(
      and(
        eq(offsiteRegistrations.personId, personId),
        eq(offsiteRegistrations.status, 'registered'),
        gte(offsiteRegistrations.endDate, today),
      ),
    )
    .returning({ id: offsiteRegistrations.id });
  const overrides = await ctx.db
    .update(referralOverrides)
    .set({ regionPath: to.path })
    .where(and(eq(referralOverrides.personId, personId), isNull(referralOverrides.claimId)))
    .returning({ id: referralOverrides.id });
  const moved = {
    reimbursementCases: cases.length,
    enrollments: years.length,
    referrals: openReferrals.length,
    offsiteRegistrations: offsite.length,
    referralOverrides: overrides.length,
  };
  await writeAudit(ctx, {
    action: 'person.transfer',
    entity: 'person',
    entityId: personId,
    regionPath: to.path,
    before: { regionPath: from.path },
    after: { regionPath: to.path, moved },
  });
  return moved;
}
