import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface LabeledValueProps {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** A small grey label over its value: the read-only facts of a case, a declaration or a confirmation. */
export function LabeledValue({ label, value, testId }: LabeledValueProps) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
