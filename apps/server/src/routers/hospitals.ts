import * as hospitalsService from '../services/hospitals/index.js';
import { ZCreateHospitalInput, ZListHospitalsInput, ZUpdateHospitalInput } from '../services/hospitals/index.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';

export const hospitalsRouter = router({
  list: authedProcedure.input(ZListHospitalsInput).query(({ ctx, input }) => hospitalsService.listHospitals({ ctx, input })),
  create: roleProcedure('admin')
    .input(ZCreateHospitalInput)
    .mutation(({ ctx, input }) => hospitalsService.createHospital({ ctx, input })),
  update: roleProcedure('admin')
    .input(ZUpdateHospitalInput)
    .mutation(({ ctx, input }) => hospitalsService.updateHospital({ ctx, input })),
});
