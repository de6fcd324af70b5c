import { ZHospital, ZHospitalList } from '@portal/rules';
import * as hospitalsService from '../services/hospitals/index.js';
import { procedure, router } from '../trpc.js';

export const hospitalsRouter = router({
  list: procedure('hospitals.read')
    .input(hospitalsService.ZListHospitalsInput)
    .output(ZHospitalList)
    .query(({ ctx, input }) => hospitalsService.listHospitals({ ctx, input })),
  create: procedure('hospitals.write')
    .input(hospitalsService.ZCreateHospitalInput)
    .output(ZHospital)
    .mutation(({ ctx, input }) => hospitalsService.createHospital({ ctx, input })),
  update: procedure('hospitals.write')
    .input(hospitalsService.ZUpdateHospitalInput)
    .output(ZHospital)
    .mutation(({ ctx, input }) => hospitalsService.updateHospital({ ctx, input })),
});
