/**
 * Form fields bound to a useZodForm form by `control` and `name` (type-checked against the form),
 * each showing its own error. The value is always the schema's input: text for text and money,
 * 'YYYY-MM-DD' / 'YYYY-MM' or '' for dates and months, a number for years.
 */
import {
  Checkbox,
  PasswordInput,
  Select,
  Switch,
  Textarea,
  TextInput,
  type CheckboxProps,
  type PasswordInputProps,
  type SelectProps,
  type SwitchProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateInput, MonthInput, type DateInputProps, type MonthInputProps } from './date-input';
import { MoneyInput, type MoneyInputProps } from './money-input';
import { OrgUnitSelect, type OrgUnitSelectProps } from './org-unit-select';
import { YearSelect, type YearSelectProps } from './year-select';

interface Bound<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: Path<T>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

function useBound<T extends FieldValues, O>({ control, name }: Bound<T, O>) {
  const { field, fieldState } = useController({ control, name });
  return { field, error: fieldState.error?.message };
}

export function TextField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<TextInputProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <TextInput
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

export function PasswordField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<PasswordInputProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <PasswordInput
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

/** A required date or month left blank reads "请填写…" rather than the format rule the schema reports for ''. */
function blankError(error: string | undefined, value: unknown, label: unknown): string | undefined {
  return error && !text(value) && typeof label === 'string' ? `请填写${label}` : error;
}

/** A date: '' when empty (rules schemas read a blank as "not given"). */
export function DateField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<DateInputProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <DateInput
      {...props}
      name={field.name}
      ref={field.ref}
      value={text(field.value)}
      onChange={(v) => field.onChange(v ?? '')}
      onBlur={field.onBlur}
      error={blankError(error, field.value, props.label)}
    />
  );
}

export function MonthField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<MonthInputProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <MonthInput
      {...props}
      name={field.name}
      ref={field.ref}
      value={text(field.value)}
      onChange={(v) => field.onChange(v ?? '')}
      onBlur={field.onBlur}
      error={blankError(error, field.value, props.label)}
    />
  );
}

export function MoneyField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<MoneyInputProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <MoneyInput
      {...props}
      name={field.name}
      ref={field.ref}
      value={text(field.value)}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function YearField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<YearSelectProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <YearSelect
      openOnFocus={false}
      {...props}
      name={field.name}
      ref={field.ref}
      value={typeof field.value === 'number' ? field.value : null}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

/** An org unit id; '' when none is chosen. */
export function OrgUnitField<T extends FieldValues, O>({
  control,
  name,
  ...props
}: Bound<T, O> & Omit<OrgUnitSelectProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, error } = useBound({ control, name });
  return (
    <OrgUnitSelect
      openOnFocus={false}
      {...props}
      name={field.name}
      ref={field.ref}
      value={text(field.value) || null}
      onChange={(v) => field.onChange(v ?? '')}
      onBlur={field.onBlur}
      error={error}
    />
  );
}
