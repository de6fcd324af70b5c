export { listTemplates, createTemplate, updateTemplate, archiveTemplate } from './templates.js';
export { openRound, listRounds, getRoundSupervision, ZGetRoundInput } from './rounds.js';
export {
  getSubmission,
  saveDraft,
  submitTable,
  returnTable,
  diffSubmissionVersions,
  ZSubmissionIdInput,
  ZDiffInput,
} from './submissions.js';
export { getRoundRollup, searchResponsible } from './rollup.js';
export { loadPrintableTable, exportTableXlsx, exportTablePdf, exportRollupXlsx, ZExportSubmissionInput } from './export.js';
