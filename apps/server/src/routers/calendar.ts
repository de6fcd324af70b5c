import { ZCalendarYear } from '@portal/rules';
import * as service from '../services/calendar/index.js';
import { procedure, router } from '../trpc.js';

export const calendarRouter = router({
  list: procedure('calendar.read').query(({ ctx }) => service.listCalendarYears({ ctx })),
  save: procedure('calendar.write')
    .input(ZCalendarYear)
    .mutation(({ ctx, input }) => service.saveCalendarYear({ ctx, input })),
});
