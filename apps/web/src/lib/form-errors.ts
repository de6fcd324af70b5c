import { notifications } from '@mantine/notifications';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './trpc';

/** What the server says about a refused call (the tRPC error data of apps/server/src/trpc.ts). */
export interface ServerError {
  message: string;
  code: string | null;
  /** The input field at fault, when the server names one. */
  field: string | null;
  /** One entry per failed zod issue: dotted path and Chinese message. */
  fieldErrors: { path: string; message: string }[];
  /** Safe facts for the UI, e.g. `existingId` of the record a duplicate collides with. */
  meta: Record<string, string> | null;
}

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试';

/** Reads any thrown value as a ServerError; a failure without an answer reads as a network error. */
export function readServerError(error: unknown): ServerError {
  if (!isApiError(error)) return { message: NETWORK_MESSAGE, code: null, field: null, fieldErrors: [], meta: null };
  const data = error.data as
    | {
        code?: string;
        field?: string | null;
        fieldErrors?: { path: string; message: string }[] | null;
        meta?: Record<string, string> | null;
      }
    | undefined;
  return {
    message: error.message.replace(/^输入有误：/, ''),
    code: data?.code ?? null,
    field: data?.field ?? null,
    fieldErrors: data?.fieldErrors ?? [],
    meta: data?.meta ?? null,
  };
}

export interface MapServerErrorOptions {
  /** Where a field error goes. */
  setError?: (name: string, message: string) => void;
  /** Whether the form shows this field (only those get a field error; the rest stay in the message). */
  hasField?: (name: string) => boolean;
  /** Server path → form field, where they differ (`resolution` → `reason`). `data.` is stripped anyway. */
  fields?: Record<string, string>;
}

/**
 * The one mapper from a server error to a form: each field error whose field the form shows goes to
 * that field (or the nearest field above it); returns the message for the rest (null when every error found its field).
 */
export function mapServerError(error: ServerError, options: MapServerErrorOptions = {}): string | null {
  const { setError, hasField = () => true, fields = {} } = options;
  const toField = (path: string) => fields[path] ?? path.replace(/^data\./, '');
  if (!setError) return error.message;
  // An error on an item of a list field (`holidays.1`) goes to the nearest field the form shows (`holidays`).
  const nearest = (path: string) => {
    let name = toField(path);
    while (!hasField(name) && name.includes('.')) name = name.slice(0, name.lastIndexOf('.'));
    return hasField(name) ? name : null;
  };
  const messages = new Map<string, string[]>();
  const unplaced: string[] = [];
  const place = (path: string, message: string) => {
    const name = nearest(path);
    if (name) messages.set(name, [...(messages.get(name) ?? []), message]);
    else unplaced.push(message);
  };
  if (error.fieldErrors.length) for (const fe of error.fieldErrors) place(fe.path, fe.message);
  else if (error.field) place(error.field, error.message);
  else unplaced.push(error.message);
  for (const [name, list] of messages) setError(name, [...new Set(list)].join('；'));
  return unplaced.length ? [...new Set(unplaced)].join('；') : null;
}

/**
 * For actions outside a form (a button in a table row): field errors to `setError` when given,
 * anything else as a notification. Forms use FormShell, which shows the rest inside the form.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError?: UseFormSetError<T>,
  fields?: readonly string[],
): boolean {
  const server = readServerError(error);
  const rest = mapServerError(server, {
    setError: setError ? (name, message) => setError(name as Path<T>, { type: 'server', message }) : undefined,
    hasField: fields ? (name) => fields.includes(name) : undefined,
  });
  if (rest !== null) notifications.show({ color: 'red', title: server.code ? '操作未成功' : '网络错误', message: rest });
  return rest === null;
}
