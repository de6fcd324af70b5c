import { ZCreateHouseholdInput, ZMoveMemberInput, ZSetHeadInput } from '@portal/rules';
import * as households from '../services/households/index.js';
import { procedure, router } from '../trpc.js';

export const householdsRouter = router({
  find: procedure('persons.read')
    .input(households.ZFindHouseholdsInput)
    .query(({ ctx, input }) => households.findHouseholds({ ctx, input })),
  create: procedure('households.write')
    .input(ZCreateHouseholdInput)
    .mutation(({ ctx, input }) => households.createHousehold({ ctx, input })),
  moveMember: procedure('households.write')
    .input(ZMoveMemberInput)
    .mutation(({ ctx, input }) => households.moveHouseholdMember({ ctx, input })),
  setHead: procedure('households.write')
    .input(ZSetHeadInput)
    .mutation(({ ctx, input }) => households.setHouseholdHead({ ctx, input })),
});
