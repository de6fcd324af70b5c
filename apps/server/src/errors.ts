import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';

/**
 * Domain errors thrown by services. `message` is the Chinese text shown to the user; `detail` is
 * for the log only. `field` names the input field at fault so forms can show it in place.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'validation' | 'precondition',
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
/** `meta` carries safe facts for the UI, e.g. the id of the existing record a duplicate collides with. */
export const conflict = (message: string, field?: string, meta?: Record<string, string>) =>
  new DomainError('conflict', message, { field, meta });
export const invalid = (message: string, field?: string) => new DomainError('validation', message, { field });
export const preconditionFailed = (message: string) => new DomainError('precondition', message);

const CODES = {
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  unauthorized: 'UNAUTHORIZED',
  conflict: 'CONFLICT',
  validation: 'BAD_REQUEST',
  precondition: 'PRECONDITION_FAILED',
} as const;

/** Maps any thrown value to a TRPCError whose message is safe to show. */
export function toTRPCError(error: unknown, log?: (obj: object, msg: string) => void): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError) {
    return new TRPCError({ code: CODES[error.kind], message: error.message, cause: error });
  }
  if (error instanceof Error && error.name === 'ZodError' && Array.isArray((error as { issues?: unknown }).issues)) {
    const first = (error as unknown as { issues: { message: string }[] }).issues[0];
    return new TRPCError({ code: 'BAD_REQUEST', message: `输入有误：${first?.message ?? ''}`, cause: error });
  }
  const correlationId = randomUUID().slice(0, 8);
  log?.({ err: error, correlationId }, 'unexpected error');
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: `系统内部错误，请稍后重试（错误编号 ${correlationId}）`,
  });
}
