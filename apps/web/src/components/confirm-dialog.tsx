import { Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { toChineseCapital } from '@portal/rules';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { formatYuan } from '../lib/money';
import { useZodForm } from '../lib/use-zod-form';
import { CheckboxField } from './fields';
import { FormShell } from './form-shell';
import { LabeledValue, type LabeledValueProps } from './labeled-value';

export type ConfirmFact = LabeledValueProps;

export interface ConfirmPanelProps {
  /** The amount that moves or is approved, in fen: shown large, with its Chinese capital numerals. */
  amount: number | null;
  amountLabel: string;
  /** What else the person confirms: the payee (masked account), the hospital, the date. */
  facts: ConfirmFact[];
  /** A statement the person must tick before confirming ("已核对…"). */
  acknowledge?: string;
  confirmLabel: string;
  confirmColor?: string;
  /** Runs the action; a thrown server error is shown in the dialog. Close the dialog from here. */
  onConfirm: () => Promise<unknown>;
  description?: ReactNode;
  /** Leaves without acting (closes the dialog, or goes back to the form of a two-step dialog). */
  onCancel: () => void;
  cancelLabel?: string;
}

export interface ConfirmDialogProps extends Omit<ConfirmPanelProps, 'onCancel'> {
  opened: boolean;
  onClose: () => void;
  title: string;
}

/**
 * The one confirmation of a movement of money or an approval (decision 0009): the amount in figures
 * and in capitals, the payee with the account masked, an optional statement to tick, and the
 * server's refusal shown in place — a dialog the person reads, not a toast that flies by.
 */
export function ConfirmDialog({ opened, onClose, title, ...rest }: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      {opened && <ConfirmPanel onCancel={onClose} {...rest} />}
    </Modal>
  );
}

const ZAcknowledged = (statement: string) => z.object({ ack: z.boolean().refine((v) => v, `请先确认：${statement}`) });
const ZNothing = z.object({ ack: z.boolean() });

/** The confirmation itself, for a dialog of its own or as the second step of a form's dialog. */
export function ConfirmPanel({
  onCancel,
  cancelLabel = '取消',
  amount,
  amountLabel,
  facts,
  acknowledge,
  confirmLabel,
  confirmColor = 'green',
  onConfirm,
  description,
}: ConfirmPanelProps) {
  const form = useZodForm(acknowledge ? ZAcknowledged(acknowledge) : ZNothing, { defaultValues: { ack: false } });
  return (
    <FormShell
      form={form}
      onSubmit={() => onConfirm()}
      submitLabel={confirmLabel}
      submitColor={confirmColor}
      onCancel={onCancel}
      cancelLabel={cancelLabel}
      errorTitle="未能办理"
    >
      {description && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
      <Stack gap={2} data-testid="confirm-amount">
        <Text size="xs" c="dimmed">
          {amountLabel}
        </Text>
        <Text size="xl" fw={700}>
          {amount === null ? '—' : `${formatYuan(amount)} 元`}
        </Text>
        {amount !== null && amount >= 0 && (
          <Text size="sm" c="dimmed">
            大写：{toChineseCapital(amount)}
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {facts.map((f) => (
          <LabeledValue key={f.label} {...f} />
        ))}
      </SimpleGrid>
      {acknowledge && <CheckboxField control={form.control} name="ack" label={acknowledge} />}
    </FormShell>
  );
}
