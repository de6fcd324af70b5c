import { ZCreateOrgUnitInput, ZCreateUserInput, ZUpdateOrgUnitInput, ZUpdateUserInput } from '@portal/rules';
import * as admin from '../services/admin/index.js';
import { ZListUsersInput, ZResetPasswordInput } from '../services/admin/users.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';

const adminProcedure = roleProcedure('admin');

export const adminRouter = router({
  listUsers: adminProcedure.input(ZListUsersInput).query(({ ctx, input }) => admin.listUsers({ ctx, input })),
  createUser: adminProcedure.input(ZCreateUserInput).mutation(({ ctx, input }) => admin.createUser({ ctx, input })),
  updateUser: adminProcedure.input(ZUpdateUserInput).mutation(({ ctx, input }) => admin.updateUser({ ctx, input })),
  resetPassword: adminProcedure.input(ZResetPasswordInput).mutation(async ({ ctx, input }) => {
    await admin.resetPassword({ ctx, input });
    return { ok: true as const };
  }),
  listOrgUnits: authedProcedure.query(({ ctx }) => admin.listOrgUnits({ ctx })),
  createOrgUnit: adminProcedure.input(ZCreateOrgUnitInput).mutation(({ ctx, input }) => admin.createOrgUnit({ ctx, input })),
  updateOrgUnit: adminProcedure.input(ZUpdateOrgUnitInput).mutation(({ ctx, input }) => admin.updateOrgUnit({ ctx, input })),
});
