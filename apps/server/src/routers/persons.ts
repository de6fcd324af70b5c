import * as persons from '../services/persons/index.js';
import { ZGetPersonInput } from '../services/persons/get.js';
import { ZListPersonsInput } from '../services/persons/list.js';
import { authedProcedure, router } from '../trpc.js';

export const personsRouter = router({
  list: authedProcedure.input(ZListPersonsInput).query(({ ctx, input }) => persons.listPersons({ ctx, input })),
  get: authedProcedure.input(ZGetPersonInput).query(({ ctx, input }) => persons.getPerson({ ctx, input })),
});
