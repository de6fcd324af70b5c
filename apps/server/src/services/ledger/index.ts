export { listLedger, ZListLedgerInput } from './list.js';
export { exportLedger, LEDGER_HEADER_ROWS } from './export.js';
