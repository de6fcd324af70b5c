/** Form fields with a picker or a formatted input: dates, months, money, years, org units (see fields.tsx). */
import type { FieldValues } from 'react-hook-form';
import { DateInput, MonthInput, type DateInputProps, type MonthInputProps } from './date-input';
import { text, useBound, type Bound } from './field-binding';
import { MoneyInput, type MoneyInputProps } from './money-input';
import { OrgUnitSelect, type OrgUnitSelectProps } from './org-unit-select';
import { YearSelect, type YearSelectProps } from './year-select';

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
