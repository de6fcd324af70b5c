export { createReferral } from './create.js';
export { getReferral, ZGetReferralInput } from './get.js';
export { registerReferral, rejectReferral, cancelReferral } from './decide.js';
export { listReferrals, listOffsiteRegistrations, ZListReferralsInput, ZListOffsiteInput } from './list.js';
export { createOffsiteRegistration, cancelOffsiteRegistration } from './offsite.js';
export {
  findValidReferral,
  findReferralOverride,
  resolveVisitReferral,
  type ValidRegistration,
  type ReferralOverrideMatch,
} from './find-valid.js';
export { createReferralOverride, listReferralOverrides, ZListOverridesInput } from './override.js';
export { prepareRegistration, ZPrepareRegistrationInput } from './prepare.js';
export { reportReferralsByMonth, reportUnreferredAdmissions, reportExpiringSoon, ZReferralReportInput } from './reports.js';
export { listReferralAdmin, setReferralTier, setReferralValidity } from './destinations.js';
