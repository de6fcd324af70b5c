import { ZCalendarYearSave } from '@portal/rules';
import * as service from '../services/calendar/index.js';
import { procedure, router } from '../trpc.js';

export const calendarRouter = router({
  list: procedure('calendar.read').query(({ ctx }) => service.listCalendarYears({ ctx })),
  /** Loose input here: the service validates with ZCalendarYear so messages name the bad date. */
  save: procedure('calendar.write')
    .input(ZCalendarYearSave)
    .mutation(({ ctx, input }) => service.saveCalendarYear({ ctx, input })),
});
