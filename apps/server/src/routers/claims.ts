import { ZClaimContextInput, ZCreateClaimInput, ZListClaimsInput, ZReverseClaimInput } from '@portal/rules';
import * as claimsService from '../services/claims/index.js';
import { ZGetClaimInput } from '../services/claims/index.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';

export const claimsRouter = router({
  context: authedProcedure.input(ZClaimContextInput).query(({ ctx, input }) => claimsService.getClaimContext({ ctx, input })),
  create: roleProcedure('clerk', 'reviewer')
    .input(ZCreateClaimInput)
    .mutation(({ ctx, input }) => claimsService.createClaim({ ctx, input })),
  get: authedProcedure.input(ZGetClaimInput).query(({ ctx, input }) => claimsService.getClaim({ ctx, input })),
  list: authedProcedure.input(ZListClaimsInput).query(({ ctx, input }) => claimsService.listClaims({ ctx, input })),
  reverse: roleProcedure('reviewer')
    .input(ZReverseClaimInput)
    .mutation(({ ctx, input }) => claimsService.reverseClaim({ ctx, input })),
});
