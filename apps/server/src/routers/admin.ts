import { ZCreateOrgUnitInput, ZCreateUserInput, ZUpdateOrgUnitInput, ZUpdateUserInput } from '@portal/rules';
import * as admin from '../services/admin/index.js';
import { procedure, router } from '../trpc.js';

export const adminRouter = router({
  listUsers: procedure('users.manage')
    .input(admin.ZListUsersInput)
    .query(({ ctx, input }) => admin.listUsers({ ctx, input })),
  createUser: procedure('users.manage')
    .input(ZCreateUserInput)
    .mutation(({ ctx, input }) => admin.createUser({ ctx, input })),
  updateUser: procedure('users.manage')
    .input(ZUpdateUserInput)
    .mutation(({ ctx, input }) => admin.updateUser({ ctx, input })),
  resetPassword: procedure('users.manage')
    .input(admin.ZResetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      await admin.resetPassword({ ctx, input });
      return { ok: true as const };
    }),
  listOrgUnits: procedure('orgUnits.read').query(({ ctx }) => admin.listOrgUnits({ ctx })),
  createOrgUnit: procedure('orgUnits.manage')
    .input(ZCreateOrgUnitInput)
    .mutation(({ ctx, input }) => admin.createOrgUnit({ ctx, input })),
  updateOrgUnit: procedure('orgUnits.manage')
    .input(ZUpdateOrgUnitInput)
    .mutation(({ ctx, input }) => admin.updateOrgUnit({ ctx, input })),
});
