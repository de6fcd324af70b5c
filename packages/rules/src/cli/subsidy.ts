/// <reference types="node" />
/**
 * `pnpm --silent subsidy < req.json` (RULES §8): `{ profile, year, premium, params?, person:
 * { categories, countyCode } }` → `{ appliedCategory, amount, shares?, … }` (the full
 * `SubsidyResult`: also personPays, funding, explain, clause, evaluated, params).
 */
import { runCli } from './run-cli.js';
import { ZSubsidyCliRequest, computeSubsidy } from '../subsidies/index.js';

await runCli(ZSubsidyCliRequest, (request) => computeSubsidy(request));
