import { randomUUID } from 'node:crypto';

export type TErrorKind =
  'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'validation' | 'precondition' | 'rate_limited' | 'unavailable';

/**
 * The one error type services throw. `message` is the Chinese text shown to the user; `detail` is
 * for the log only. `field` names the input field at fault so forms can show it in place; `meta`
 * carries safe facts for the UI (e.g. the id of the record a duplicate collides with).
 */
export class DomainError extends Error {
  constructor(
    readonly kind: TErrorKind,
    message: string,
    readonly options: { detail?: string; field?: string; meta?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message = '记录不存在或无权查看', detail?: string) => new DomainError('not_found', message, { detail });
export const forbidden = (message = '无权执行此操作', detail?: string) => new DomainError('forbidden', message, { detail });
export const unauthorized = (message = '请先登录', detail?: string) => new DomainError('unauthorized', message, { detail });
export const conflict = (message: string, field?: string, meta?: Record<string, string>) =>
  new DomainError('conflict', message, { field, meta });
export const invalid = (message: string, field?: string) => new DomainError('validation', message, { field });
export const preconditionFailed = (message: string, field?: string, meta?: Record<string, string>) =>
  new DomainError('precondition', message, { field, meta });

/**
 * Error kind → tRPC code and HTTP status, for tRPC procedures and plain HTTP routes alike. The
 * tRPC codes are plain strings here so that the core does not depend on tRPC.
 */
export const ERROR_STATUS = {
  not_found: { trpc: 'NOT_FOUND', http: 404 },
  forbidden: { trpc: 'FORBIDDEN', http: 403 },
  unauthorized: { trpc: 'UNAUTHORIZED', http: 401 },
  conflict: { trpc: 'CONFLICT', http: 409 },
  validation: { trpc: 'BAD_REQUEST', http: 400 },
  precondition: { trpc: 'PRECONDITION_FAILED', http: 412 },
  rate_limited: { trpc: 'TOO_MANY_REQUESTS', http: 429 },
  unavailable: { trpc: 'SERVICE_UNAVAILABLE', http: 503 },
} as const satisfies Record<TErrorKind, { trpc: string; http: number }>;

export interface SafeError {
  kind: TErrorKind | 'internal';
  status: number;
  trpcCode: (typeof ERROR_STATUS)[TErrorKind]['trpc'] | 'INTERNAL_SERVER_ERROR';
  message: string;
  field: string | null;
  meta: Record<string, string> | null;
  fieldErrors: { path: string; message: string }[] | null;
}

export const QUERY_CANCELLED = '查询耗时过长，已中止：请缩小范围（选择县区、缩短期间）后重试';

/** A statement PostgreSQL cancelled (SQLSTATE 57014: statement timeout or pg_cancel_backend). */
export function isQueryCancelled(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === '57014') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

function zodIssuesOf(error: unknown): ZodLikeIssue[] | null {
  // Structural, not instanceof: a ZodError from any copy of zod (rules, server) is described.
  if (error instanceof Error && error.name === 'ZodError' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues;
  }
  return null;
}

/**
 * What any thrown value may tell the user: a domain error as it is, a zod error as its first
 * message with field paths, anything else as a generic message with a correlation id (the detail
 * goes to the log, never to the response — no stack trace, no SQL).
 */
export function toSafeError(error: unknown, log?: (obj: object, msg: string) => void): SafeError {
  if (error instanceof DomainError) {
    const s = ERROR_STATUS[error.kind];
    return {
      kind: error.kind,
      status: s.http,
      trpcCode: s.trpc,
      message: error.message,
      field: error.options.field ?? null,
      meta: error.options.meta ?? null,
      fieldErrors: null,
    };
  }
  if (isQueryCancelled(error)) {
    // PostgreSQL ended the statement: its statement timeout, or the client went away. Not a fault
    // of the code: the caller is asked to narrow the request.
    log?.({ err: error }, 'statement cancelled');
    return toSafeError(new DomainError('unavailable', QUERY_CANCELLED));
  }
  const issues = zodIssuesOf(error);
  if (issues) {
    const fieldErrors = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return {
      kind: 'validation',
      status: 400,
      trpcCode: 'BAD_REQUEST',
      message: `输入有误：${fieldErrors[0]?.message ?? ''}`,
      field: fieldErrors[0]?.path || null,
      meta: null,
      fieldErrors,
    };
  }
  const correlationId = randomUUID().slice(0, 8);
  log?.({ err: error, correlationId }, 'unexpected error');
  return {
    kind: 'internal',
    status: 500,
    trpcCode: 'INTERNAL_SERVER_ERROR',
    message: `系统内部错误，请稍后重试（错误编号 ${correlationId}）`,
    field: null,
    meta: null,
    fieldErrors: null,
  };
}
