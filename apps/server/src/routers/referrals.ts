import {
  ZCancelRegistrationInput,
  ZCreateOffsiteInput,
  ZCreateReferralInput,
  ZCreateReferralOverrideInput,
  ZExpiringRegistrations,
  ZOffsitePage,
  ZOffsiteRegistration,
  ZReferral,
  ZReferralAdmin,
  ZReferralIdInput,
  ZReferralOverrideCreated,
  ZReferralOverrides,
  ZReferralPage,
  ZReferralPreparation,
  ZReferralSettingsInput,
  ZReferralTierSet,
  ZReferralValiditySet,
  ZReferralsByMonth,
  ZRejectReferralInput,
  ZSetReferralTierInput,
  ZUnreferredAdmissions,
} from '@portal/rules';
import * as referrals from '../services/referrals/index.js';
import { procedure, router } from '../trpc.js';

export const referralsRouter = router({
  prepare: procedure('referrals.write')
    .input(referrals.ZPrepareRegistrationInput)
    .output(ZReferralPreparation)
    .query(({ ctx, input }) => referrals.prepareRegistration({ ctx, input })),
  list: procedure('referrals.read')
    .input(referrals.ZListReferralsInput)
    .output(ZReferralPage)
    .query(({ ctx, input }) => referrals.listReferrals({ ctx, input })),
  get: procedure('referrals.read')
    .input(referrals.ZGetReferralInput)
    .output(ZReferral)
    .query(({ ctx, input }) => referrals.getReferral({ ctx, input })),
  create: procedure('referrals.write')
    .input(ZCreateReferralInput)
    .output(ZReferral)
    .mutation(({ ctx, input }) => referrals.createReferral({ ctx, input })),
  register: procedure('referrals.write')
    .input(ZReferralIdInput)
    .output(ZReferral)
    .mutation(({ ctx, input }) => referrals.registerReferral({ ctx, input })),
  reject: procedure('referrals.write')
    .input(ZRejectReferralInput)
    .output(ZReferral)
    .mutation(({ ctx, input }) => referrals.rejectReferral({ ctx, input })),
  cancel: procedure('referrals.write')
    .input(ZCancelRegistrationInput)
    .output(ZReferral)
    .mutation(({ ctx, input }) => referrals.cancelReferral({ ctx, input })),
  listOffsite: procedure('referrals.read')
    .input(referrals.ZListOffsiteInput)
    .output(ZOffsitePage)
    .query(({ ctx, input }) => referrals.listOffsiteRegistrations({ ctx, input })),
  createOffsite: procedure('referrals.write')
    .input(ZCreateOffsiteInput)
    .output(ZOffsiteRegistration)
    .mutation(({ ctx, input }) => referrals.createOffsiteRegistration({ ctx, input })),
  cancelOffsite: procedure('referrals.write')
    .input(ZCancelRegistrationInput)
    .output(ZOffsiteRegistration)
    .mutation(({ ctx, input }) => referrals.cancelOffsiteRegistration({ ctx, input })),
  createOverride: procedure('referrals.override')
    .input(ZCreateReferralOverrideInput)
    .output(ZReferralOverrideCreated)
    .mutation(({ ctx, input }) => referrals.createReferralOverride({ ctx, input })),
  listOverrides: procedure('referrals.read')
    .input(referrals.ZListOverridesInput)
    .output(ZReferralOverrides)
    .query(({ ctx, input }) => referrals.listReferralOverrides({ ctx, input })),
  reportByMonth: procedure('referrals.read')
    .input(referrals.ZReferralReportInput)
    .output(ZReferralsByMonth)
    .query(({ ctx, input }) => referrals.reportReferralsByMonth({ ctx, input })),
  reportUnreferred: procedure('referrals.read')
    .input(referrals.ZReferralReportInput)
    .output(ZUnreferredAdmissions)
    .query(({ ctx, input }) => referrals.reportUnreferredAdmissions({ ctx, input })),
  reportExpiring: procedure('referrals.read')
    .output(ZExpiringRegistrations)
    .query(({ ctx }) => referrals.reportExpiringSoon({ ctx })),
  adminList: procedure('referrals.configure')
    .output(ZReferralAdmin)
    .query(({ ctx }) => referrals.listReferralAdmin({ ctx })),
  setTier: procedure('referrals.configure')
    .input(ZSetReferralTierInput)
    .output(ZReferralTierSet)
    .mutation(({ ctx, input }) => referrals.setReferralTier({ ctx, input })),
  setValidity: procedure('referrals.configure')
    .input(ZReferralSettingsInput)
    .output(ZReferralValiditySet)
    .mutation(({ ctx, input }) => referrals.setReferralValidity({ ctx, input })),
});
