import {
  ZAddedCategory,
  ZCategoryFactInput,
  ZEndCategoryInput,
  ZPersonCreateInput,
  ZPersonDetail,
  ZPersonListPage,
  ZPersonUpdateInput,
  ZRecordRef,
  ZRevealedField,
} from '@portal/rules';
import * as persons from '../services/persons/index.js';
import { procedure, router } from '../trpc.js';

export const personsRouter = router({
  list: procedure('persons.read')
    .input(persons.ZListPersonsInput)
    .output(ZPersonListPage)
    .query(({ ctx, input }) => persons.listPersons({ ctx, input })),
  get: procedure('persons.read')
    .input(persons.ZGetPersonInput)
    .output(ZPersonDetail)
    .query(({ ctx, input }) => persons.getPerson({ ctx, input })),
  create: procedure('persons.write')
    .input(ZPersonCreateInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => persons.createPerson({ ctx, input })),
  update: procedure('persons.write')
    .input(ZPersonUpdateInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => persons.updatePerson({ ctx, input })),
  reveal: procedure('persons.reveal')
    .input(persons.ZRevealPersonFieldInput)
    .output(ZRevealedField)
    .mutation(({ ctx, input }) => persons.revealPersonField({ ctx, input })),
  addCategory: procedure('persons.write')
    .input(ZCategoryFactInput)
    .output(ZAddedCategory)
    .mutation(({ ctx, input }) => persons.addPersonCategory({ ctx, input })),
  endCategory: procedure('persons.write')
    .input(ZEndCategoryInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => persons.endPersonCategory({ ctx, input })),
});
