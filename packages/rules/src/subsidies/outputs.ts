import { z } from 'zod';
import { ZCategoryId } from '../categories.js';
import { ZProfileId } from '../profiles.js';

/** A jurisdiction's individual premium for a year (subsidies.premiums). */
export const ZPremium = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  profile: ZProfileId.nullable(),
  year: z.number(),
  tier1: z.number(),
  tier2: z.number().nullable(),
  note: z.string(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type TPremium = z.infer<typeof ZPremium>;
export const ZPremiums = z.array(ZPremium);

/** A premium-subsidy run as the run list shows it (subsidies.runs). */
export const ZSubsidyRunSummary = z.object({
  id: z.string(),
  year: z.number(),
  orgUnitName: z.string(),
  profile: ZProfileId,
  personCount: z.number(),
  subsidisedCount: z.number(),
  totalAmount: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type TSubsidyRunSummary = z.infer<typeof ZSubsidyRunSummary>;
export const ZSubsidyRunSummaries = z.array(ZSubsidyRunSummary);

/** A run just computed (subsidies.run). */
export const ZSubsidyRunCreated = z.object({ id: z.string(), personCount: z.number(), totalAmount: z.number() });
export type TSubsidyRunCreated = z.infer<typeof ZSubsidyRunCreated>;

/** A run with its sums by county and applied category and one page of its people (subsidies.getRun). */
export const ZSubsidyRunDetail = ZSubsidyRunSummary.extend({
  summary: z.array(
    z.object({
      countyName: z.string(),
      category: ZCategoryId,
      persons: z.number(),
      amount: z.number(),
      personPays: z.number(),
      province: z.number(),
      prefecture: z.number(),
      county: z.number(),
      assistanceFund: z.number(),
      fiscal: z.number(),
    }),
  ),
  items: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      name: z.string(),
      idNumberMasked: z.string(),
      countyName: z.string(),
      categories: z.array(ZCategoryId),
      appliedCategory: ZCategoryId,
      premium: z.number(),
      amount: z.number(),
      personPays: z.number(),
      shares: z.object({ province: z.number(), prefecture: z.number(), county: z.number() }).nullable(),
      funding: z.object({ assistanceFund: z.number(), fiscal: z.number() }).nullable(),
      explain: z.string(),
      clause: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TSubsidyRunDetail = z.infer<typeof ZSubsidyRunDetail>;
