import { Modal, Text } from '@mantine/core';
import { z } from 'zod';
import type { ReactNode } from 'react';
import { useZodForm } from '../lib/use-zod-form';
import { TextareaField } from './fields';
import { FormShell } from './form-shell';

export interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The field's label ("销号说明", "退回原因"). */
  label: string;
  /** The rules schema of the reason field of the mutation's input, e.g. `ZRejectReferralInput.shape.reason`. */
  schema: z.ZodType<string, string>;
  /** Runs the action; a thrown server error is shown in the dialog. Close the dialog from here. */
  onSubmit: (reason: string) => Promise<unknown>;
  confirmLabel: string;
  confirmColor?: string;
  /** The name of the reason in the server's input when it is not `reason` (`resolution`). */
  serverField?: string;
  placeholder?: string;
  description?: ReactNode;
}

/** The one dialog that asks for a written reason (reject, return, cancel, resolve), validated by the rules schema. */
export function ReasonDialog({ opened, onClose, title, ...rest }: ReasonDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {opened && <ReasonForm onClose={onClose} {...rest} />}
    </Modal>
  );
}

function ReasonForm({
  onClose,
  label,
  schema,
  onSubmit,
  confirmLabel,
  confirmColor = 'red',
  serverField = 'reason',
  placeholder,
  description,
}: Omit<ReasonDialogProps, 'opened' | 'title'>) {
  const form = useZodForm(z.object({ reason: schema }), { defaultValues: { reason: '' } });
  return (
    <FormShell
      form={form}
      onSubmit={(values) => onSubmit(values.reason)}
      submitLabel={confirmLabel}
      submitColor={confirmColor}
      onCancel={onClose}
      serverFields={{ [serverField]: 'reason' }}
    >
      {description && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
      <TextareaField
        control={form.control}
        name="reason"
        label={label}
        withAsterisk
        autosize
        minRows={2}
        placeholder={placeholder}
        data-autofocus
      />
    </FormShell>
  );
}
