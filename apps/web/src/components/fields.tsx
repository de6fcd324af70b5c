/**
 * Form fields bound to a useZodForm form by `control` and `name` (type-checked against the form),
 * each showing its own error. The value is always the schema's input: text for text and money,
 * 'YYYY-MM-DD' / 'YYYY-MM' or '' for dates and months, a number for years. Text and password fields
 * live in text-fields.tsx and the pickers in picker-fields.tsx, both re-exported here: the sign-in
 * and password pages import text-fields.tsx alone and so load no select, calendar or region tree
 * (decision 0010).
 */
import {
  Checkbox,
  Select,
  Switch,
  Textarea,
  type CheckboxProps,
  type SelectProps,
  type SwitchProps,
  type TextareaProps,
} from '@mantine/core';
import type { FieldValues } from 'react-hook-form';
import { text, useBound, type Bound } from './field-binding';

export { DateField, MonthField, MoneyField, OrgUnitField, YearField } from './picker-fields';
export { PasswordField, TextField } from './text-fields';

export function TextareaField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<TextareaProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <Textarea
      {...props}
      name={field.name}
      ref={field.ref}
      value={text(field.value)}
      onChange={(e) => field.onChange(e.currentTarget.value)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

/** A select over string options; `numeric` stores the chosen value as a number. Cleared: null. */
export function SelectField<T extends FieldValues, O>({
  control,
  name,
  numeric,
  ...props
}: Bound<T, O> & { numeric?: boolean } & Omit<SelectProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <Select
      // Opened by a click or by typing: on focus (a field error focuses it) the list would cover the next fields.
      openOnFocus={false}
      {...props}
      name={field.name}
      ref={field.ref}
      value={field.value === null || field.value === undefined || field.value === '' ? null : String(field.value)}
      onChange={(v) => field.onChange(v === null ? null : numeric ? Number(v) : v)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function CheckboxField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<CheckboxProps, 'name' | 'checked' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <Checkbox
      {...props}
      name={field.name}
      ref={field.ref}
      checked={field.value === true}
      onChange={(e) => field.onChange(e.currentTarget.checked)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function SwitchField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<SwitchProps, 'name' | 'checked' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <Switch
      {...props}
      name={field.name}
      ref={field.ref}
      checked={field.value === true}
      onChange={(e) => field.onChange(e.currentTarget.checked)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}
