import { z } from 'zod';
import { ROW_FIELDS } from './diff.js';
import { SUBMISSION_STAGES } from './status.js';
import { TEMPLATE_ORGANISATIONS } from './templates.js';

/**
 * A row of a responsibility table (责任分工表). `phone` is the named official's work number: the
 * table is a published contact list, and the service masks the phones for readers who may not edit
 * or supervise the table (`phonesMasked`).
 */
export const ZResponsibilityRowView = z.object({
  itemKey: z.string(),
  extraLabel: z.string(),
  name: z.string(),
  unitAndDepartment: z.string(),
  post: z.string(),
  phone: z.string(),
  isDivisionHead: z.boolean(),
});

/** A template (built in or custom) as every page shows it. */
export const ZTemplateView = z.object({
  key: z.string(),
  name: z.string(),
  title: z.string(),
  organisedBy: z.enum(TEMPLATE_ORGANISATIONS),
  source: z.string(),
  items: z.array(z.object({ key: z.string(), label: z.string(), hint: z.string().optional(), isDirect: z.boolean().optional() })),
  notes: z.array(z.string()),
  allowExtraRows: z.boolean(),
  isBuiltin: z.boolean(),
});
export type TTemplateView = z.infer<typeof ZTemplateView>;

export const ZTemplateListItem = ZTemplateView.extend({ canEdit: z.boolean() });
export const ZTemplateList = z.array(ZTemplateListItem);
export type TTemplateListItem = z.infer<typeof ZTemplateListItem>;

const ZStage = z.enum(SUBMISSION_STAGES);
const ZReportingStatus = z.enum([...SUBMISSION_STAGES, 'overdue']);
const reporting = {
  status: ZReportingStatus,
  stage: ZStage,
  workingDaysLeft: z.number().nullable(),
  workingDaysOverdue: z.number().nullable(),
  isLate: z.boolean(),
};
const ZStatusCounts = z.object({
  total: z.number(),
  overdue: z.number(),
  submitted: z.number(),
  not_started: z.number(),
  draft: z.number(),
  returned: z.number(),
});

/** A reporting round as the round list shows it, with the caller's own table of it. */
export const ZRoundListItem = z.object({
  id: z.string(),
  title: z.string(),
  templateName: z.string(),
  dueDate: z.string(),
  openerName: z.string(),
  createdAt: z.string(),
  canSupervise: z.boolean(),
  counts: ZStatusCounts.nullable(),
  ownSubmission: z.object({ id: z.string(), ...reporting }).nullable(),
});
export const ZRoundList = z.array(ZRoundListItem);
export type TRoundListItem = z.infer<typeof ZRoundListItem>;

/** A round with every reporting unit's status (responsibility.getRound). */
export const ZRoundSupervision = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  instructions: z.string(),
  openerName: z.string(),
  template: ZTemplateView,
  today: z.string(),
  units: z.array(
    z.object({
      submissionId: z.string(),
      orgUnitId: z.string(),
      unitName: z.string(),
      unitCode: z.string(),
      currentVersion: z.number(),
      submittedAt: z.string().nullable(),
      returnComment: z.string().nullable(),
      updatedAt: z.string().nullable(),
      updatedByName: z.string().nullable(),
      ...reporting,
    }),
  ),
  counts: ZStatusCounts,
  statusLabels: z.object({ overdue: z.string(), submitted: z.string(), not_started: z.string(), draft: z.string(), returned: z.string() }),
  reminder: z.string(),
});
export type TRoundSupervision = z.infer<typeof ZRoundSupervision>;

/** Every unit's latest submitted table of a round, side by side (responsibility.rollup). */
export const ZRoundRollup = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  template: ZTemplateView,
  units: z.array(
    z.object({
      submissionId: z.string(),
      orgUnitId: z.string(),
      unitName: z.string(),
      unitCode: z.string(),
      status: ZReportingStatus,
      stage: ZStage,
      workingDaysOverdue: z.number().nullable(),
      version: z
        .object({
          version: z.number(),
          filledDate: z.string(),
          sealConfirmedBy: z.string(),
          submittedAt: z.string(),
          rows: z.array(ZResponsibilityRowView),
        })
        .nullable(),
    }),
  ),
});
export type TRoundRollup = z.infer<typeof ZRoundRollup>;

/** One unit's table with its versions and what the caller may do (responsibility.getSubmission). */
export const ZSubmissionDetail = z.object({
  id: z.string(),
  round: z.object({ id: z.string(), title: z.string(), dueDate: z.string(), instructions: z.string() }),
  template: ZTemplateView,
  unitName: z.string(),
  unitCode: z.string(),
  rows: z.array(ZResponsibilityRowView),
  filledDate: z.string().nullable(),
  currentVersion: z.number(),
  submittedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  returnedAt: z.string().nullable(),
  phonesMasked: z.boolean(),
  canEdit: z.boolean(),
  canReturn: z.boolean(),
  canSupervise: z.boolean(),
  today: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      filledDate: z.string(),
      sealConfirmedBy: z.string(),
      submittedByName: z.string(),
      submittedAt: z.string(),
      returnComment: z.string().nullable(),
      returnedByName: z.string().nullable(),
      returnedAt: z.string().nullable(),
    }),
  ),
  ...reporting,
});
export type TSubmissionDetail = z.infer<typeof ZSubmissionDetail>;

/** A table laid out for printing and export (responsibility.printable). */
export const ZPrintableTable = z.object({
  title: z.string(),
  unitName: z.string(),
  filledDate: z.string().nullable(),
  template: ZTemplateView,
  rows: z.array(ZResponsibilityRowView),
  remark: z.string().optional(),
  stage: z.string(),
  version: z.number().nullable(),
});
export type TPrintableTable = z.infer<typeof ZPrintableTable>;

export const ZDraftSaved = z.object({ id: z.string(), stage: z.string() });
export type TDraftSaved = z.infer<typeof ZDraftSaved>;

export const ZTableSubmitted = z.object({ id: z.string(), version: z.number() });
export type TTableSubmitted = z.infer<typeof ZTableSubmitted>;

/** What changed between two versions of a table (responsibility.diff). */
export const ZVersionDiffView = z.object({
  changes: z.array(
    z.union([
      z.object({ kind: z.literal('added'), label: z.string(), row: ZResponsibilityRowView }),
      z.object({ kind: z.literal('removed'), label: z.string(), row: ZResponsibilityRowView }),
      z.object({
        kind: z.literal('changed'),
        label: z.string(),
        fields: z.array(z.object({ field: z.enum(ROW_FIELDS), before: z.string(), after: z.string() })),
      }),
    ]),
  ),
  filledDate: z.object({ before: z.string().nullable(), after: z.string().nullable() }).optional(),
});
export type TVersionDiffView = z.infer<typeof ZVersionDiffView>;

/** Officials found across the region's submitted tables (responsibility.search). */
export const ZResponsibleSearch = z.object({
  items: z.array(
    ZResponsibilityRowView.extend({
      unitName: z.string(),
      orgUnitId: z.string(),
      submissionId: z.string(),
      roundTitle: z.string(),
      version: z.number(),
      submittedAt: z.string(),
      isReturned: z.boolean(),
      responsibility: z.string(),
    }),
  ),
  total: z.number(),
});
export type TResponsibleSearch = z.infer<typeof ZResponsibleSearch>;
