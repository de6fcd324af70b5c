import { ZCalendarYearSave } from '@portal/rules';
import * as service from '../services/calendar/index.js';
import { roleProcedure, router } from '../trpc.js';

export const calendarRouter = router({
  list: roleProcedure('admin').query(({ ctx }) => service.listCalendarYears({ ctx })),
  /** Loose input here: the service validates with ZCalendarYear so messages name the bad date. */
  save: roleProcedure('admin')
    .input(ZCalendarYearSave)
    .mutation(({ ctx, input }) => service.saveCalendarYear({ ctx, input })),
});
