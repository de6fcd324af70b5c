import {
  ZCreateOrgUnitInput,
  ZCreateUserInput,
  ZCreatedOrgUnit,
  ZOk,
  ZOrgUnitList,
  ZUpdateOrgUnitInput,
  ZUpdateUserInput,
  ZUpdatedOrgUnit,
  ZUser,
  ZUserListPage,
} from '@portal/rules';
import * as admin from '../services/admin/index.js';
import { procedure, router } from '../trpc.js';

export const adminRouter = router({
  listUsers: procedure('users.manage')
    .input(admin.ZListUsersInput)
    .output(ZUserListPage)
    .query(({ ctx, input }) => admin.listUsers({ ctx, input })),
  createUser: procedure('users.manage')
    .input(ZCreateUserInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => admin.createUser({ ctx, input })),
  updateUser: procedure('users.manage')
    .input(ZUpdateUserInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => admin.updateUser({ ctx, input })),
  resetPassword: procedure('users.manage')
    .input(admin.ZResetPasswordInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await admin.resetPassword({ ctx, input });
      return { ok: true as const };
    }),
  listOrgUnits: procedure('orgUnits.read')
    .output(ZOrgUnitList)
    .query(({ ctx }) => admin.listOrgUnits({ ctx })),
  createOrgUnit: procedure('orgUnits.manage')
    .input(ZCreateOrgUnitInput)
    .output(ZCreatedOrgUnit)
    .mutation(({ ctx, input }) => admin.createOrgUnit({ ctx, input })),
  updateOrgUnit: procedure('orgUnits.manage')
    .input(ZUpdateOrgUnitInput)
    .output(ZUpdatedOrgUnit)
    .mutation(({ ctx, input }) => admin.updateOrgUnit({ ctx, input })),
});
