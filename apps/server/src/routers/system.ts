import { ZServerTime } from '@portal/rules';
import { publicProcedure, router } from '../trpc.js';
import { chinaDate } from '../core/index.js';

export const systemRouter = router({
  /** The server's date in China time: pages use it instead of the browser's clock. */
  info: publicProcedure.output(ZServerTime).query(({ ctx }) => {
    const now = ctx.now();
    return { today: chinaDate(now), now: now.toISOString() };
  }),
});
