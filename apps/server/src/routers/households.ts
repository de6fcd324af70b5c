import { ZCreateHouseholdInput, ZHouseholdMatches, ZHouseholdRef, ZMoveMemberInput, ZRecordRef, ZSetHeadInput } from '@portal/rules';
import * as households from '../services/households/index.js';
import { procedure, router } from '../trpc.js';

export const householdsRouter = router({
  find: procedure('persons.read')
    .input(households.ZFindHouseholdsInput)
    .output(ZHouseholdMatches)
    .query(({ ctx, input }) => households.findHouseholds({ ctx, input })),
  create: procedure('households.write')
    .input(ZCreateHouseholdInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => households.createHousehold({ ctx, input })),
  moveMember: procedure('households.write')
    .input(ZMoveMemberInput)
    .output(ZHouseholdRef)
    .mutation(({ ctx, input }) => households.moveHouseholdMember({ ctx, input })),
  setHead: procedure('households.write')
    .input(ZSetHeadInput)
    .output(ZHouseholdRef)
    .mutation(({ ctx, input }) => households.setHouseholdHead({ ctx, input })),
});
