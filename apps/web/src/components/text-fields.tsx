/** Text and password fields (see fields.tsx): all the sign-in and password pages need. */
import { PasswordInput, TextInput, type PasswordInputProps, type TextInputProps } from '@mantine/core';
import type { FieldValues } from 'react-hook-form';
import { text, useBound, type Bound } from './field-binding';

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
