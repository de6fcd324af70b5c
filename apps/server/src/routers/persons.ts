import { ZCategoryFactInput, ZEndCategoryInput, ZPersonCreateInput, ZPersonUpdateInput } from '@portal/rules';
import * as persons from '../services/persons/index.js';
import { procedure, router } from '../trpc.js';

export const personsRouter = router({
  list: procedure('persons.read')
    .input(persons.ZListPersonsInput)
    .query(({ ctx, input }) => persons.listPersons({ ctx, input })),
  get: procedure('persons.read')
    .input(persons.ZGetPersonInput)
    .query(({ ctx, input }) => persons.getPerson({ ctx, input })),
  create: procedure('persons.write')
    .input(ZPersonCreateInput)
    .mutation(({ ctx, input }) => persons.createPerson({ ctx, input })),
  update: procedure('persons.write')
    .input(ZPersonUpdateInput)
    .mutation(({ ctx, input }) => persons.updatePerson({ ctx, input })),
  reveal: procedure('persons.reveal')
    .input(persons.ZRevealPersonFieldInput)
    .mutation(({ ctx, input }) => persons.revealPersonField({ ctx, input })),
  addCategory: procedure('persons.write')
    .input(ZCategoryFactInput)
    .mutation(({ ctx, input }) => persons.addPersonCategory({ ctx, input })),
  endCategory: procedure('persons.write')
    .input(ZEndCategoryInput)
    .mutation(({ ctx, input }) => persons.endPersonCategory({ ctx, input })),
});
