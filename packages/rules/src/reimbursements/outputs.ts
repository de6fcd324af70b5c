import { z } from 'zod';
import type { TSettleRequest, TSettleResult } from '../settlement/schema.js';
import { ZListCount } from '../outputs.js';
import { ZSettleResultView } from '../settlement/outputs.js';
import { VISIT_TYPES } from '../settlement/schema.js';
import { HOLD_KINDS, MATERIAL_ITEMS, REIMBURSEMENT_KINDS } from './schema.js';
import { REIMBURSEMENT_STATUSES, REIMBURSEMENT_STEPS } from './workflow.js';

/** The 初审 settlement kept on a case (`reimbursement_cases.settlement`); confirmed unchanged at 复核. */
export interface TCaseSettlement {
  request: TSettleRequest;
  result: TSettleResult;
  payable: number;
  /** The reviewer whose 视同转诊 override the settlement rests on (absent on cases settled before decision 0009). */
  overrideGrantedBy?: string | null;
}

const ZTone = z.enum(['ok', 'amber', 'red', 'none']);
const ZHoldLabel = z.enum(['特殊病案', '疑问病案']);

/** The 25-working-day clock of a case (`000 §二(五)3`). */
export const ZCaseClock = z.object({
  started: z.boolean(),
  start: z.string().nullable(),
  due: z.string().nullable(),
  used: z.number(),
  left: z.number(),
  overdue: z.boolean(),
  overdueWorkingDays: z.number(),
  isSuspended: z.boolean(),
  suspendedWorkingDays: z.number(),
  tone: ZTone,
  paidOnTime: z.boolean().nullable(),
  /** Kept for older callers: no longer set, the clock is provisional instead (see below). */
  error: z.string().nullable(),
  /**
   * The count reached a year whose holiday schedule is not entered yet: its weekdays were counted,
   * the due date is 暂定 and is recomputed once the schedule is entered (a clock is never blank).
   */
  provisional: z.boolean(),
  provisionalReason: z.string().nullable(),
});
export type TCaseClock = z.infer<typeof ZCaseClock>;

/** A payee as the browser may see it: the account masked (last four digits). */
export const ZPayeeMasked = z.object({
  name: z.string().nullable(),
  bankName: z.string().nullable(),
  accountMasked: z.string().nullable(),
});

const ZPayeeChangeStatus = z.enum(['pending', 'approved', 'rejected']);

/** What proposing or deciding a payee change returns (`.output()`). */
export const ZPayeeChangeOutput = z.object({
  id: z.string(),
  caseId: z.string(),
  status: ZPayeeChangeStatus,
  statusLabel: z.string(),
  old: ZPayeeMasked,
  new: ZPayeeMasked,
  caseVersion: z.number(),
});
export type TPayeeChangeOutput = z.infer<typeof ZPayeeChangeOutput>;

/** A case with its clock, materials, settlement, holds, events and what the caller may do now. */
export const ZReimbursementDetail = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: z.enum(REIMBURSEMENT_KINDS),
  kindLabel: z.string(),
  status: z.enum(REIMBURSEMENT_STATUSES),
  statusLabel: z.string(),
  version: z.number(),
  receivedOn: z.string(),
  materialsCompleteOn: z.string().nullable(),
  agencyName: z.string(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    idNumberMasked: z.string(),
    address: z.string().nullable(),
    registeredAccountMasked: z.string().nullable(),
    bankName: z.string().nullable(),
  }),
  hospital: z.object({ id: z.string(), name: z.string(), level: z.number(), regionName: z.string() }),
  /** Where the money goes (masked): captured at 受理, checked at 复核, changed only through an approved change. */
  payee: ZPayeeMasked.extend({
    source: z.enum(['registered', 'entered', 'changed']).nullable(),
    sourceLabel: z.string().nullable(),
    verifiedByName: z.string().nullable(),
  }),
  payeeChanges: z.array(
    z.object({
      id: z.string(),
      status: ZPayeeChangeStatus,
      statusLabel: z.string(),
      old: ZPayeeMasked,
      new: ZPayeeMasked,
      reason: z.string(),
      proposedByName: z.string().nullable(),
      proposedAt: z.string(),
      decidedByName: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  /** The visit as entered (a claim entry). */
  visit: z.object({
    personId: z.string(),
    hospitalId: z.string(),
    visitType: z.enum(VISIT_TYPES),
    admissionDate: z.string(),
    dischargeDate: z.string(),
    diagnosis: z.string(),
    totalCost: z.number(),
    inScopeCost: z.number(),
    specialDisease: z.string().nullable().optional(),
    specialDrugCost: z.number().optional(),
  }),
  materials: z.array(z.object({ id: z.enum(MATERIAL_ITEMS), label: z.string(), received: z.boolean() })),
  missing: z.array(z.object({ id: z.enum(MATERIAL_ITEMS), label: z.string() })),
  paidElsewhere: z.object({ basic: z.number(), critical: z.number() }),
  hold: z.object({ kind: z.enum(HOLD_KINDS), label: ZHoldLabel, reason: z.string().nullable() }).nullable(),
  suspensions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(HOLD_KINDS),
      label: ZHoldLabel,
      reason: z.string(),
      from: z.string(),
      to: z.string().nullable(),
      clearNote: z.string().nullable(),
    }),
  ),
  clock: ZCaseClock,
  settlement: z.object({ result: ZSettleResultView, payable: z.number() }).nullable(),
  firstReviewByName: z.string().nullable(),
  secondReviewByName: z.string().nullable(),
  /** The payee account only masked. */
  payment: z
    .object({
      amount: z.number(),
      paidOn: z.string().nullable(),
      reference: z.string().nullable(),
      name: z.string().nullable(),
      accountMasked: z.string().nullable(),
      claimId: z.string().nullable(),
    })
    .nullable(),
  events: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      note: z.string().nullable(),
      actorName: z.string(),
      onDate: z.string(),
      at: z.string(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      material: z.string().nullable(),
      materialLabel: z.string().nullable(),
      fileName: z.string(),
      fileType: z.enum(['pdf', 'jpg', 'png']),
      size: z.number(),
      uploadedBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** What the caller may do now; the server checks again on every action. */
  can: z.object({
    step: z.object({ step: z.enum(REIMBURSEMENT_STEPS), label: z.string() }).nullable(),
    stepBlockedReason: z.string().nullable(),
    proposePayee: z.boolean(),
    approvePayee: z.boolean(),
    /** Why this caller may not approve the pending change (the separation table's refusal), or null. */
    approvePayeeBlockedReason: z.string().nullable(),
    rejectPayee: z.boolean(),
    returnCase: z.boolean(),
    hold: z.boolean(),
    clearHold: z.boolean(),
    receiveMaterials: z.boolean(),
    attach: z.boolean(),
  }),
});
export type TReimbursementDetail = z.infer<typeof ZReimbursementDetail>;

/** A row of the case list, with its clock. */
export const ZReimbursementListItem = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: z.enum(REIMBURSEMENT_KINDS),
  kindLabel: z.string(),
  status: z.enum(REIMBURSEMENT_STATUSES),
  statusLabel: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  hospitalName: z.string(),
  receivedOn: z.string(),
  isHeld: z.boolean(),
  payable: z.number().nullable(),
  clock: ZCaseClock,
});
export type TReimbursementListItem = z.infer<typeof ZReimbursementListItem>;

export const ZReimbursementList = z.object({
  today: z.string(),
  /** A page of the queue, most urgent first (keyset over the queue index, decision 0013). */
  items: z.array(ZReimbursementListItem),
  nextCursor: z.string().nullable(),
  count: ZListCount,
});
export type TReimbursementList = z.infer<typeof ZReimbursementList>;

const boardCounts = {
  received: z.number(),
  paidOnTime: z.number(),
  paidLate: z.number(),
  open: z.number(),
  overdue: z.number(),
  awaitingDocuments: z.number(),
  onTimeRate: z.number().nullable(),
};

/** The month's timeliness board per county, with the overdue cases (reimbursements.board). */
export const ZReimbursementBoard = z.object({
  month: z.string(),
  today: z.string(),
  counties: z.array(z.object({ orgUnitId: z.string(), name: z.string(), code: z.string(), ...boardCounts })),
  total: z.object(boardCounts),
  overdueCases: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string(),
      countyName: z.string(),
      personName: z.string(),
      idNumberMasked: z.string(),
      statusLabel: z.string(),
      receivedOn: z.string(),
      due: z.string().nullable(),
      overdueWorkingDays: z.number(),
      paidOn: z.string().nullable(),
    }),
  ),
});
export type TReimbursementBoard = z.infer<typeof ZReimbursementBoard>;

/** A scan stored with its case (reimbursements.uploadAttachment). */
export const ZAttachmentStored = z.object({ id: z.string(), fileType: z.enum(['pdf', 'jpg', 'png']), size: z.number() });
export type TAttachmentStored = z.infer<typeof ZAttachmentStored>;
