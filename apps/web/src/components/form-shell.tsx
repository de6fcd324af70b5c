import { Alert, Anchor, Button, Group, Stack, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { mapServerError, readServerError, type ServerError } from '../lib/form-errors';

export interface FormShellProps<TIn extends FieldValues, TOut> {
  form: UseFormReturn<TIn, unknown, TOut>;
  /** Receives the parsed values (the schema's output). A thrown server error is shown by the shell. */
  onSubmit: (values: TOut) => Promise<unknown> | void;
  children: ReactNode;
  submitLabel?: string;
  submitColor?: ButtonProps['color'];
  /** Shows a cancel button. */
  onCancel?: () => void;
  cancelLabel?: string;
  /** Buttons or text at the start of the footer. */
  footerStart?: ReactNode;
  /** One wide submit button and no cancel (the login page). */
  fullWidthSubmit?: boolean;
  /** Server path → form field where the names differ. */
  serverFields?: Record<string, Path<TIn>>;
  /** Sees every server error first (for `meta`, such as the id of a duplicate record). */
  onServerError?: (error: ServerError) => void;
  /** Title of the alert for an error no field shows (default 未能保存). */
  errorTitle?: string;
  /** Disables the submit button (nothing to save yet). */
  submitDisabled?: boolean;
  /** A message shown at the top of the form before any submit (e.g. "登录已过期"). */
  notice?: string | null;
}

/**
 * The one form frame: `<form>` + `<fieldset disabled>` while submitting, the buttons, and the
 * server's answer in place — a field error on its field when the form shows that field, anything
 * else as a red alert inside the form (it stays until the next submit, unlike a notification).
 */
export function FormShell<TIn extends FieldValues, TOut>({
  form,
  onSubmit,
  children,
  submitLabel = '保存',
  submitColor,
  onCancel,
  cancelLabel = '取消',
  footerStart,
  fullWidthSubmit,
  serverFields,
  onServerError,
  notice,
  submitDisabled,
  errorTitle = '未能保存',
}: FormShellProps<TIn, TOut>) {
  const [message, setMessage] = useState<string | null>(notice ?? null);
  // A refusal that another page resolves carries that page (meta.fixPath / fixLabel): linked in the alert.
  const [fix, setFix] = useState<{ path: string; label: string } | null>(null);
  const submitting = form.formState.isSubmitting;
  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    setFix(null);
    try {
      await onSubmit(values);
    } catch (err) {
      const server = readServerError(err);
      onServerError?.(server);
      if (server.meta?.fixPath) setFix({ path: server.meta.fixPath, label: server.meta.fixLabel ?? '前往处理' });
      const mounted = form.control._names.mount;
      setMessage(
        mapServerError(server, {
          setError: (name, msg) => form.setError(name as Path<TIn>, { type: 'server', message: msg }),
          hasField: (name) => mounted.has(name),
          fields: serverFields,
        }),
      );
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={submitting} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          {message && (
            <Alert color="red" role="alert" title={errorTitle} withCloseButton onClose={() => setMessage(null)} closeButtonLabel="关闭提示">
              {message}
              {fix && (
                <>
                  {' '}
                  <Anchor component={Link} to={fix.path} size="sm">
                    {fix.label}
                  </Anchor>
                </>
              )}
            </Alert>
          )}
          {children}
          {fullWidthSubmit ? (
            <Button type="submit" loading={submitting} color={submitColor} disabled={submitDisabled} fullWidth>
              {submitLabel}
            </Button>
          ) : (
            <Group justify={footerStart ? 'space-between' : 'flex-end'}>
              {footerStart}
              <Group gap="sm">
                {onCancel && (
                  <Button variant="default" onClick={onCancel}>
                    {cancelLabel}
                  </Button>
                )}
                <Button type="submit" loading={submitting} color={submitColor} disabled={submitDisabled}>
                  {submitLabel}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
