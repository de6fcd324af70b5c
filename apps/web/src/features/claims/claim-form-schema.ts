import { LONG_STAY_DAYS, stayDays, ZVisitType, type TClaimEntry } from '@portal/rules';
import { z } from 'zod';
import { zMoney } from '../../lib/money';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: unknown): v is string => typeof v === 'string' && ISO_DAY.test(v);

/**
 * The visit as the clerk types it (claim entry and reimbursement intake): yuan text in, fen out.
 * Referral status is not a field: the server reads it from the referral registry.
 */
export const ZVisitFields = z.object({
  personId: z.string().min(1, '请选择参保人'),
  hospitalId: z.string().min(1, '请选择就诊医院'),
  visitType: ZVisitType,
  admissionDate: z.iso.date({ error: '请填写日期' }),
  /** Only inpatient stays have one; an outpatient visit ends the day it starts. */
  dischargeDate: z.union([z.iso.date({ error: '请填写日期' }), z.literal('')]),
  diagnosis: z.string().trim().min(2, '请填写诊断').max(100, '诊断最多 100 字'),
  specialDisease: z.string().nullable(),
  totalCost: zMoney('医疗总费用'),
  inScopeCost: zMoney('政策范围内费用'),
  specialDrugCost: zMoney('特药费用', { optional: true }),
  longStayReason: z.string().trim().max(200, '原因最多 200 字').optional(),
});
export type TVisitFieldsInput = z.input<typeof ZVisitFields>;
export type TVisitFields = z.output<typeof ZVisitFields>;

type Checked = Pick<TVisitFields, 'visitType' | 'admissionDate' | 'dischargeDate' | 'totalCost' | 'inScopeCost'>;

/** A field of a value zod is still parsing (the value may be partly invalid). */
const at = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined);

/**
 * The cross-field checks of a visit, for `.refine(check, params)`. They run even while other fields
 * still have errors (zod skips a refinement after any issue unless `when` says otherwise), so that
 * one submit shows every message.
 */
export const dischargeGiven = (v: Checked) => v.visitType !== 'inpatient' || v.dischargeDate !== '';
export const DISCHARGE_GIVEN = { path: ['dischargeDate'], message: '请填写日期', when: () => true };
export const datesInOrder = (v: Checked) => v.visitType !== 'inpatient' || v.dischargeDate >= v.admissionDate;
export const DATES_IN_ORDER = {
  path: ['dischargeDate'],
  message: '出院日期不能早于入院日期',
  when: (p: { value: unknown }) => isDay(at(p.value, 'admissionDate')) && isDay(at(p.value, 'dischargeDate')),
};
/** A stay longer than LONG_STAY_DAYS needs its reason, as the server's entry schema says. */
export const isLongStay = (v: Pick<TVisitFields, 'visitType' | 'admissionDate' | 'dischargeDate'>) =>
  v.visitType === 'inpatient' &&
  isDay(v.admissionDate) &&
  isDay(v.dischargeDate) &&
  stayDays(v.admissionDate, v.dischargeDate) > LONG_STAY_DAYS;
export const longStayExplained = (v: TVisitFields) => !isLongStay(v) || (v.longStayReason ?? '').length >= 4;
export const LONG_STAY_EXPLAINED = {
  path: ['longStayReason'],
  message: `住院超过 ${LONG_STAY_DAYS} 天，请填写长期住院的原因`,
  when: (p: { value: unknown }) => isDay(at(p.value, 'admissionDate')) && isDay(at(p.value, 'dischargeDate')),
};
export const costsInOrder = (v: Checked) => v.inScopeCost <= v.totalCost;
export const COSTS_IN_ORDER = {
  path: ['inScopeCost'],
  message: '政策范围内费用不能大于医疗总费用',
  when: (p: { value: unknown }) => typeof at(p.value, 'totalCost') === 'number' && typeof at(p.value, 'inScopeCost') === 'number',
};

/** The claim entry form. */
export const ZClaimForm = ZVisitFields.refine(dischargeGiven, DISCHARGE_GIVEN)
  .refine(datesInOrder, DATES_IN_ORDER)
  .refine(longStayExplained, LONG_STAY_EXPLAINED)
  .refine(costsInOrder, COSTS_IN_ORDER);
export type TClaimFormInput = z.input<typeof ZClaimForm>;
export type TClaimForm = z.output<typeof ZClaimForm>;

/** What a blank claim form starts with. */
export const EMPTY_VISIT: TVisitFieldsInput = {
  personId: '',
  hospitalId: '',
  visitType: 'inpatient',
  admissionDate: '',
  dischargeDate: '',
  diagnosis: '',
  specialDisease: null,
  totalCost: '',
  inScopeCost: '',
  specialDrugCost: '',
};

/** The parsed form as the rules' claim entry (ZClaimEntry). */
export function toEntry(v: TVisitFields): TClaimEntry {
  return {
    personId: v.personId,
    hospitalId: v.hospitalId,
    visitType: v.visitType,
    admissionDate: v.admissionDate,
    dischargeDate: v.visitType === 'inpatient' ? v.dischargeDate : v.admissionDate,
    diagnosis: v.diagnosis,
    specialDisease: v.specialDisease || null,
    totalCost: v.totalCost,
    inScopeCost: v.inScopeCost,
    specialDrugCost: v.specialDrugCost ?? 0,
    longStayReason: isLongStay(v) ? v.longStayReason : undefined,
  };
}

/** Server paths of the visit inside an input (`entry.totalCost`) → the form's fields. */
export const VISIT_SERVER_FIELDS: Record<string, keyof TVisitFieldsInput> = {
  'entry.personId': 'personId',
  'entry.hospitalId': 'hospitalId',
  'entry.visitType': 'visitType',
  'entry.admissionDate': 'admissionDate',
  'entry.dischargeDate': 'dischargeDate',
  'entry.diagnosis': 'diagnosis',
  'entry.specialDisease': 'specialDisease',
  'entry.totalCost': 'totalCost',
  'entry.inScopeCost': 'inScopeCost',
  'entry.specialDrugCost': 'specialDrugCost',
  'entry.longStayReason': 'longStayReason',
};
