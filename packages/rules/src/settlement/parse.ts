import type { z } from 'zod';
import { settle } from './pipeline.js';
import { ZSettleRequest } from './schema.js';
import type { TSettleRequest, TSettleResult } from './schema.js';

/** One validation problem: dotted field path (`costs.inScope`) and a Chinese message. */
export interface TFieldError {
  path: string;
  message: string;
}

/** Dotted path of a zod issue; the root is written `（根）`. */
export function formatZodPath(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '（根）';
}

/** Converts zod issues to field errors. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): TFieldError[] {
  return issues.map((i) => ({ path: formatZodPath(i.path), message: i.message }));
}

/** Outcome of `parseSettleRequest`. */
export type TSettleParseResult = { success: true; data: TSettleRequest } | { success: false; errors: TFieldError[]; message: string };

/** Validates an untrusted settlement request; on failure every problem is named with its path. */
export function parseSettleRequest(input: unknown): TSettleParseResult {
  const parsed = ZSettleRequest.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const errors = toFieldErrors(parsed.error.issues);
  return { success: false, errors, message: errors.map((e) => `字段 ${e.path}：${e.message}`).join('；') };
}

/** Thrown by `settleVisit` for a request that fails validation. */
export class InvalidSettleRequestError extends Error {
  readonly errors: TFieldError[];
  constructor(errors: TFieldError[], message: string) {
    super(`结算请求不合规：${message}`);
    this.name = 'InvalidSettleRequestError';
    this.errors = errors;
  }
}

/**
 * Validates and settles one visit (the claim-preview entry point). Throws
 * `InvalidSettleRequestError` with field paths when the request is invalid. Hot loops over
 * already-validated requests should call `settle` directly.
 */
export function settleVisit(input: unknown): TSettleResult {
  const parsed = parseSettleRequest(input);
  if (!parsed.success) throw new InvalidSettleRequestError(parsed.errors, parsed.message);
  return settle(parsed.data);
}
