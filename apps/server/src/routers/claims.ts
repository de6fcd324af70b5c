import {
  ZClaimContext,
  ZClaimContextInput,
  ZClaimDetail,
  ZClaimListPage,
  ZCreateClaimInput,
  ZListClaimsInput,
  ZReverseClaimInput,
} from '@portal/rules';
import * as claimsService from '../services/claims/index.js';
import { procedure, router } from '../trpc.js';

export const claimsRouter = router({
  context: procedure('claims.settle')
    .input(ZClaimContextInput)
    .output(ZClaimContext)
    .query(({ ctx, input }) => claimsService.getClaimContext({ ctx, input })),
  create: procedure('claims.settle')
    .input(ZCreateClaimInput)
    .output(ZClaimDetail)
    .mutation(({ ctx, input }) => claimsService.createClaim({ ctx, input })),
  get: procedure('claims.read')
    .input(claimsService.ZGetClaimInput)
    .output(ZClaimDetail)
    .query(({ ctx, input }) => claimsService.getClaim({ ctx, input })),
  list: procedure('claims.read')
    .input(ZListClaimsInput)
    .output(ZClaimListPage)
    .query(({ ctx, input }) => claimsService.listClaims({ ctx, input })),
  reverse: procedure('claims.reverse')
    .input(ZReverseClaimInput)
    .output(ZClaimDetail)
    .mutation(({ ctx, input }) => claimsService.reverseClaim({ ctx, input })),
});
