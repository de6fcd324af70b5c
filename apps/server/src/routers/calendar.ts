import { ZCalendarOverview, ZCalendarYear, ZSavedCalendarYear } from '@portal/rules';
import * as service from '../services/calendar/index.js';
import { procedure, router } from '../trpc.js';

export const calendarRouter = router({
  list: procedure('calendar.read')
    .output(ZCalendarOverview)
    .query(({ ctx }) => service.listCalendarYears({ ctx })),
  save: procedure('calendar.write')
    .input(ZCalendarYear)
    .output(ZSavedCalendarYear)
    .mutation(({ ctx, input }) => service.saveCalendarYear({ ctx, input })),
});
