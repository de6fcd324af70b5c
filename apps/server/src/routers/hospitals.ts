import * as hospitalsService from '../services/hospitals/index.js';
import { procedure, router } from '../trpc.js';

export const hospitalsRouter = router({
  list: procedure('hospitals.read')
    .input(hospitalsService.ZListHospitalsInput)
    .query(({ ctx, input }) => hospitalsService.listHospitals({ ctx, input })),
  create: procedure('hospitals.write')
    .input(hospitalsService.ZCreateHospitalInput)
    .mutation(({ ctx, input }) => hospitalsService.createHospital({ ctx, input })),
  update: procedure('hospitals.write')
    .input(hospitalsService.ZUpdateHospitalInput)
    .mutation(({ ctx, input }) => hospitalsService.updateHospital({ ctx, input })),
});
