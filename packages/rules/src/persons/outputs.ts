import { z } from 'zod';
import { ZListCount } from '../outputs.js';
import { ZCategoryId } from '../categories.js';
import { ZEnrollmentRecord } from '../enrollment/outputs.js';
import { ZHouseholdDetail } from '../households/outputs.js';
import { ZProfileId } from '../profiles.js';
import { HUKOU_TYPES, SOURCE_DEPARTMENTS } from './schemas.js';

/**
 * A person as the browser sees them: ID number, phone, bank account and insurance card only
 * masked (`persons.reveal` shows one full value, audited).
 */
export const ZPersonSummary = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  hukouType: z.enum(HUKOU_TYPES),
  address: z.string().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  phoneMasked: z.string().nullable(),
  bankAccountMasked: z.string().nullable(),
  bankName: z.string().nullable(),
  insuranceCardNoMasked: z.string().nullable(),
  townshipCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  householdId: z.string().nullable(),
  relationship: z.string().nullable(),
});
export type TPersonSummary = z.infer<typeof ZPersonSummary>;

/** A row of the person list: the summary, today's categories and the year's enrollment. */
export const ZPersonListItem = ZPersonSummary.extend({
  categories: z.array(ZCategoryId),
  enrollmentStatus: z.enum(['enrolled', 'not_enrolled', 'unrecorded']),
});
export type TPersonListItem = z.infer<typeof ZPersonListItem>;

export const ZPersonListPage = z.object({
  items: z.array(ZPersonListItem),
  enrollmentYear: z.number(),
  nextCursor: z.string().nullable(),
  /** Exact up to 1 000, else the database's estimate (约 N 条). */
  count: ZListCount,
});
export type TPersonListPage = z.infer<typeof ZPersonListPage>;

/** One dated category fact, with the insurance year it is enrolled in (RULES §5). */
export const ZCategoryFact = z.object({
  id: z.string(),
  category: ZCategoryId,
  startDate: z.string(),
  endDate: z.string().nullable(),
  sourceDepartment: z.enum(SOURCE_DEPARTMENTS),
  sourceDocument: z.string().nullable(),
  enrollmentYear: z.number().nullable(),
});
export type TCategoryFact = z.infer<typeof ZCategoryFact>;

/** The person page (persons.get). */
export const ZPersonDetail = ZPersonSummary.extend({
  profile: ZProfileId.nullable(),
  household: ZHouseholdDetail.nullable(),
  enrollments: z.array(ZEnrollmentRecord),
  categoryHistory: z.array(ZCategoryFact),
});
export type TPersonDetail = z.infer<typeof ZPersonDetail>;

/** A category fact recorded, and the insurance year the identification is enrolled in. */
export const ZAddedCategory = z.object({
  id: z.string(),
  enrollment: z.object({ year: z.number(), explain: z.string(), clause: z.string() }).nullable(),
});
export type TAddedCategory = z.infer<typeof ZAddedCategory>;

/** Fields `persons.reveal` may show in full. */
export const REVEALABLE_FIELDS = ['idNumber', 'phone', 'bankAccount', 'insuranceCardNo'] as const;
export type TRevealableField = (typeof REVEALABLE_FIELDS)[number];

/**
 * One full value of a person (persons.reveal): the only answer of the server that carries an
 * unmasked ID number, phone, account or card, and every call is audited.
 */
export const ZRevealedField = z.object({ field: z.enum(REVEALABLE_FIELDS), label: z.string(), value: z.string().nullable() });
export type TRevealedField = z.infer<typeof ZRevealedField>;
