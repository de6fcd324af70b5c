import { notifications } from '@mantine/notifications';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './trpc';

/**
 * Shows a server error where it belongs: field errors next to their fields (zod issues or a
 * domain error naming a field), anything else as a notification. Returns true if a field got it.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError?: UseFormSetError<T>,
  fields?: readonly string[],
): boolean {
  if (isApiError(error)) {
    const data = error.data as { fieldErrors?: { path: string; message: string }[] | null; field?: string | null } | undefined;
    let placed = false;
    if (setError) {
      for (const fe of data?.fieldErrors ?? []) {
        const name = fe.path.replace(/^data\./, '');
        if (!fields || fields.includes(name)) {
          setError(name as Path<T>, { type: 'server', message: fe.message });
          placed = true;
        }
      }
      if (data?.field && (!fields || fields.includes(data.field))) {
        setError(data.field as Path<T>, { type: 'server', message: error.message });
        placed = true;
      }
    }
    if (!placed) notifications.show({ color: 'red', title: '操作未成功', message: error.message });
    return placed;
  }
  notifications.show({ color: 'red', title: '网络错误', message: '无法连接服务器，请检查网络后重试' });
  return false;
}
