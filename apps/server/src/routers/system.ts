import { z } from 'zod';
import { chinaDate } from '../lib/clock.js';
import { publicProcedure, router } from '../trpc.js';

export const systemRouter = router({
  /** The server's date in China time: pages use it instead of the browser's clock. */
  info: publicProcedure.output(z.object({ today: z.string(), now: z.string() })).query(({ ctx }) => {
    const now = ctx.now();
    return { today: chinaDate(now), now: now.toISOString() };
  }),
});
