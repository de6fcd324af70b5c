import { TextInput, type TextInputProps } from '@mantine/core';
import { formatYuan, parseYuan } from '@portal/rules';
import type { FocusEvent, Ref } from 'react';

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  ref?: Ref<HTMLInputElement>;
  /** The yuan text as typed ("1,234.5"); the form's schema (zMoney) turns it into integer fen. */
  value: string;
  onChange: (text: string) => void;
  /** The unit shown inside the field (元); null when the label already names it. */
  rightSection?: TextInputProps['rightSection'];
}

/**
 * The one money input: yuan typed as text, turned into fen by the rules parser (exact, no floats).
 * On leaving the field a readable amount is rewritten as "1,234.50", so what is saved is what is shown.
 */
export function MoneyInput({ value, onChange, onBlur, rightSection, ...rest }: MoneyInputProps) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      rightSection={rightSection === undefined ? '元' : rightSection}
      rightSectionPointerEvents="none"
      {...rest}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        const fen = parseYuan(value);
        if (fen !== null && fen >= 0) onChange(formatYuan(fen));
        onBlur?.(event);
      }}
    />
  );
}
