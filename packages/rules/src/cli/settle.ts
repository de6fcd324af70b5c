/**
 * `pnpm --silent settle < request.json`: settles one visit (RULES §8). Prints the result JSON on
 * stdout (exit 0); invalid JSON or a request failing validation → Chinese message with the field
 * path on stderr, exit 2.
 */
import { settle } from '../settlement/pipeline.js';
import { ZSettleRequest } from '../settlement/schema.js';
import { runCli } from './run-cli.js';

void runCli(ZSettleRequest, settle);
