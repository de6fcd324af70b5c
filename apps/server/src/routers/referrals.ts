import {
  ZCancelRegistrationInput,
  ZCreateOffsiteInput,
  ZCreateReferralInput,
  ZCreateReferralOverrideInput,
  ZReferralIdInput,
  ZReferralSettingsInput,
  ZRejectReferralInput,
  ZSetReferralTierInput,
} from '@portal/rules';
import * as referrals from '../services/referrals/index.js';
import { procedure, router } from '../trpc.js';

export const referralsRouter = router({
  prepare: procedure('referrals.write')
    .input(referrals.ZPrepareRegistrationInput)
    .query(({ ctx, input }) => referrals.prepareRegistration({ ctx, input })),
  list: procedure('referrals.read')
    .input(referrals.ZListReferralsInput)
    .query(({ ctx, input }) => referrals.listReferrals({ ctx, input })),
  get: procedure('referrals.read')
    .input(referrals.ZGetReferralInput)
    .query(({ ctx, input }) => referrals.getReferral({ ctx, input })),
  create: procedure('referrals.write')
    .input(ZCreateReferralInput)
    .mutation(({ ctx, input }) => referrals.createReferral({ ctx, input })),
  register: procedure('referrals.write')
    .input(ZReferralIdInput)
    .mutation(({ ctx, input }) => referrals.registerReferral({ ctx, input })),
  reject: procedure('referrals.write')
    .input(ZRejectReferralInput)
    .mutation(({ ctx, input }) => referrals.rejectReferral({ ctx, input })),
  cancel: procedure('referrals.write')
    .input(ZCancelRegistrationInput)
    .mutation(({ ctx, input }) => referrals.cancelReferral({ ctx, input })),
  listOffsite: procedure('referrals.read')
    .input(referrals.ZListOffsiteInput)
    .query(({ ctx, input }) => referrals.listOffsiteRegistrations({ ctx, input })),
  createOffsite: procedure('referrals.write')
    .input(ZCreateOffsiteInput)
    .mutation(({ ctx, input }) => referrals.createOffsiteRegistration({ ctx, input })),
  cancelOffsite: procedure('referrals.write')
    .input(ZCancelRegistrationInput)
    .mutation(({ ctx, input }) => referrals.cancelOffsiteRegistration({ ctx, input })),
  createOverride: procedure('referrals.override')
    .input(ZCreateReferralOverrideInput)
    .mutation(({ ctx, input }) => referrals.createReferralOverride({ ctx, input })),
  listOverrides: procedure('referrals.read')
    .input(referrals.ZListOverridesInput)
    .query(({ ctx, input }) => referrals.listReferralOverrides({ ctx, input })),
  reportByMonth: procedure('referrals.read')
    .input(referrals.ZReferralReportInput)
    .query(({ ctx, input }) => referrals.reportReferralsByMonth({ ctx, input })),
  reportUnreferred: procedure('referrals.read')
    .input(referrals.ZReferralReportInput)
    .query(({ ctx, input }) => referrals.reportUnreferredAdmissions({ ctx, input })),
  reportExpiring: procedure('referrals.read').query(({ ctx }) => referrals.reportExpiringSoon({ ctx })),
  adminList: procedure('referrals.configure').query(({ ctx }) => referrals.listReferralAdmin({ ctx })),
  setTier: procedure('referrals.configure')
    .input(ZSetReferralTierInput)
    .mutation(({ ctx, input }) => referrals.setReferralTier({ ctx, input })),
  setValidity: procedure('referrals.configure')
    .input(ZReferralSettingsInput)
    .mutation(({ ctx, input }) => referrals.setReferralValidity({ ctx, input })),
});
