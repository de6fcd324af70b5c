import {
  ZCategoryFactInput,
  ZCreateHouseholdInput,
  ZEndCategoryInput,
  ZMoveMemberInput,
  ZPersonCreateInput,
  ZPersonUpdateInput,
  ZSetHeadInput,
} from '@portal/rules';
import * as households from '../services/households/index.js';
import * as persons from '../services/persons/index.js';
import { ZGetPersonInput } from '../services/persons/get.js';
import { ZListPersonsInput } from '../services/persons/list.js';
import { authedProcedure, router } from '../trpc.js';

export const personsRouter = router({
  list: authedProcedure.input(ZListPersonsInput).query(({ ctx, input }) => persons.listPersons({ ctx, input })),
  get: authedProcedure.input(ZGetPersonInput).query(({ ctx, input }) => persons.getPerson({ ctx, input })),
  create: authedProcedure.input(ZPersonCreateInput).mutation(({ ctx, input }) => persons.createPerson({ ctx, input })),
  update: authedProcedure.input(ZPersonUpdateInput).mutation(({ ctx, input }) => persons.updatePerson({ ctx, input })),
  addCategory: authedProcedure.input(ZCategoryFactInput).mutation(({ ctx, input }) => persons.addPersonCategory({ ctx, input })),
  endCategory: authedProcedure.input(ZEndCategoryInput).mutation(({ ctx, input }) => persons.endPersonCategory({ ctx, input })),
});

export const householdsRouter = router({
  find: authedProcedure.input(households.ZFindHouseholdsInput).query(({ ctx, input }) => households.findHouseholds({ ctx, input })),
  create: authedProcedure.input(ZCreateHouseholdInput).mutation(({ ctx, input }) => households.createHousehold({ ctx, input })),
  moveMember: authedProcedure.input(ZMoveMemberInput).mutation(({ ctx, input }) => households.moveHouseholdMember({ ctx, input })),
  setHead: authedProcedure.input(ZSetHeadInput).mutation(({ ctx, input }) => households.setHouseholdHead({ ctx, input })),
});
