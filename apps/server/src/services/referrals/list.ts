import {
  and,
  count,
  desc,
  eq,
  ilike,
  inArray,
  like,
  lt,
  gte,
  offsiteRegistrations,
  orgUnits,
  persons,
  referrals,
  sql,
  type SQL,
} from '@portal/db';
import type { TOffsitePage, TReferralPage } from '@portal/rules';
import { z } from 'zod';
import { hospitalNames, toOffsiteDto, toReferralDto } from './internal.js';
import { personSearchCondition } from '../persons/index.js';
import { type ActorContext, boundedCount, chinaDate, inUserRegion, paginate, timestampKey } from '../../core/index.js';

const ZPaging = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) };
const ZQuery = z.string().trim().max(32, '检索词过长').optional();

export const ZListReferralsInput = z.object({
  q: ZQuery,
  status: z.enum(['submitted', 'registered', 'rejected', 'cancelled', 'expired']).optional(),
  personId: z.uuid().optional(),
  cursor: z.string().max(400).optional(),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** Name, the last digits of the ID number, or a registration number. */
function matchQuery(
  q: string | undefined,
  numberColumn: typeof referrals.referralNo | typeof offsiteRegistrations.registrationNo,
): SQL | undefined {
  if (!q) return undefined;
  if (/^(ZZ|YD)\d+$/i.test(q)) return eq(numberColumn, q.toUpperCase());
  if (/^[0-9xX]{4,18}$/.test(q))
    return q.length === 18 ? eq(persons.idNumber, q.toUpperCase()) : like(persons.idNumber, `%${q.toUpperCase()}`);
  return ilike(persons.name, `%${q}%`);
}

export async function listReferrals({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListReferralsInput>;
}): Promise<TReferralPage> {
  const me = ctx.actor;
  const { q, status, personId, cursor, pageSize } = input;
  const today = chinaDate(ctx.now());
  const live = inArray(referrals.status, ['submitted', 'registered']);
  const statusWhere =
    status === 'expired'
      ? and(live, lt(referrals.validUntil, today))
      : status === 'submitted' || status === 'registered'
        ? and(eq(referrals.status, status), gte(referrals.validUntil, today))
        : status
          ? eq(referrals.status, status)
          : undefined;
  // A referral number exactly, else the person by the register's indexed search (decision 0012).
  const search = !q
    ? undefined
    : /^ZZ\d+$/i.test(q)
      ? eq(referrals.referralNo, q.toUpperCase())
      : inArray(
          referrals.personId,
          ctx.db
            .select({ id: persons.id })
            .from(persons)
            .where(personSearchCondition(q) ?? sql`false`),
        );
  const where = and(inUserRegion(me, referrals.regionPath), statusWhere, personId ? eq(referrals.personId, personId) : undefined, search);
  const [page, rowCount] = await Promise.all([
    paginate({
      cursor,
      limit: pageSize,
      keys: [referrals.createdAt, referrals.id],
      direction: 'desc',
      query: (after, limit, orderBy) =>
        ctx.db
          .select({
            r: referrals,
            personName: persons.name,
            idNumber: persons.idNumber,
            countyName: orgUnits.name,
            key: timestampKey(referrals.createdAt),
          })
          .from(referrals)
          .innerJoin(persons, eq(persons.id, referrals.personId))
          .innerJoin(orgUnits, eq(orgUnits.id, referrals.orgUnitId))
          .where(and(where, after))
          .orderBy(...orderBy)
          .limit(limit),
      keyOf: (r) => [r.key, r.r.id],
    }),
    boundedCount(ctx.db, referrals, where),
  ]);
  const rows = page.items;
  const names = await hospitalNames(
    ctx.db,
    rows.flatMap((r) => [r.r.issuingHospitalId, r.r.destinationHospitalId]),
  );
  return {
    items: rows.map((r) =>
      toReferralDto(r.r, { personName: r.personName, idNumber: r.idNumber, countyName: r.countyName, hospitals: names }, today),
    ),
    nextCursor: page.nextCursor,
    count: rowCount,
  };
}

export const ZListOffsiteInput = z.object({
  q: ZQuery,
  status: z.enum(['registered', 'pending', 'cancelled', 'expired']).optional(),
  personId: z.uuid().optional(),
  ...ZPaging,
});

export async function listOffsiteRegistrations({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListOffsiteInput>;
}): Promise<TOffsitePage> {
  const me = ctx.actor;
  const { q, status, personId, page, pageSize } = input;
  const today = chinaDate(ctx.now());
  const t = offsiteRegistrations;
  const live = eq(t.status, 'registered');
  const statusWhere =
    status === 'expired'
      ? and(live, lt(t.endDate, today))
      : status === 'pending'
        ? and(live, sql`${t.startDate} > ${today}`)
        : status === 'registered'
          ? and(live, sql`${t.startDate} <= ${today}`, gte(t.endDate, today))
          : status === 'cancelled'
            ? eq(t.status, 'cancelled')
            : undefined;
  const where = and(
    inUserRegion(me, t.regionPath),
    statusWhere,
    personId ? eq(t.personId, personId) : undefined,
    matchQuery(q, t.registrationNo),
  );
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ r: t, personName: persons.name, idNumber: persons.idNumber, countyName: orgUnits.name })
      .from(t)
      .innerJoin(persons, eq(persons.id, t.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, t.orgUnitId))
      .where(where)
      .orderBy(desc(t.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(t).innerJoin(persons, eq(persons.id, t.personId)).where(where),
  ]);
  return {
    items: rows.map((r) => toOffsiteDto(r.r, { personName: r.personName, idNumber: r.idNumber, countyName: r.countyName }, today)),
    total: total[0]?.n ?? 0,
    page,
    pageSize,
  };
}
