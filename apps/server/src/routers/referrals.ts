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
import { authedProcedure, roleProcedure, router } from '../trpc.js';

const casework = roleProcedure('clerk', 'reviewer');

export const referralsRouter = router({
  prepare: authedProcedure
    .input(referrals.ZPrepareRegistrationInput)
    .query(({ ctx, input }) => referrals.prepareRegistration({ ctx, input })),
  list: authedProcedure.input(referrals.ZListReferralsInput).query(({ ctx, input }) => referrals.listReferrals({ ctx, input })),
  get: authedProcedure.input(referrals.ZGetReferralInput).query(({ ctx, input }) => referrals.getReferral({ ctx, input })),
  create: casework.input(ZCreateReferralInput).mutation(({ ctx, input }) => referrals.createReferral({ ctx, input })),
  register: casework.input(ZReferralIdInput).mutation(({ ctx, input }) => referrals.registerReferral({ ctx, input })),
  reject: casework.input(ZRejectReferralInput).mutation(({ ctx, input }) => referrals.rejectReferral({ ctx, input })),
  cancel: casework.input(ZCancelRegistrationInput).mutation(({ ctx, input }) => referrals.cancelReferral({ ctx, input })),
  listOffsite: authedProcedure
    .input(referrals.ZListOffsiteInput)
    .query(({ ctx, input }) => referrals.listOffsiteRegistrations({ ctx, input })),
  createOffsite: casework.input(ZCreateOffsiteInput).mutation(({ ctx, input }) => referrals.createOffsiteRegistration({ ctx, input })),
  cancelOffsite: casework.input(ZCancelRegistrationInput).mutation(({ ctx, input }) => referrals.cancelOffsiteRegistration({ ctx, input })),
  createOverride: roleProcedure('reviewer')
    .input(ZCreateReferralOverrideInput)
    .mutation(({ ctx, input }) => referrals.createReferralOverride({ ctx, input })),
  listOverrides: authedProcedure
    .input(referrals.ZListOverridesInput)
    .query(({ ctx, input }) => referrals.listReferralOverrides({ ctx, input })),
  reportByMonth: authedProcedure
    .input(referrals.ZReferralReportInput)
    .query(({ ctx, input }) => referrals.reportReferralsByMonth({ ctx, input })),
  reportUnreferred: authedProcedure
    .input(referrals.ZReferralReportInput)
    .query(({ ctx, input }) => referrals.reportUnreferredAdmissions({ ctx, input })),
  reportExpiring: authedProcedure.query(({ ctx }) => referrals.reportExpiringSoon({ ctx })),
  adminList: roleProcedure('admin').query(({ ctx }) => referrals.listReferralAdmin({ ctx })),
  setTier: roleProcedure('admin')
    .input(ZSetReferralTierInput)
    .mutation(({ ctx, input }) => referrals.setReferralTier({ ctx, input })),
  setValidity: roleProcedure('admin')
    .input(ZReferralSettingsInput)
    .mutation(({ ctx, input }) => referrals.setReferralValidity({ ctx, input })),
});
