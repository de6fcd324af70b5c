import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldValues, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';

/** A form typed from a zod schema: values as typed (`z.input`), submitted values as parsed (`z.output`). */
export type ZodForm<S extends z.ZodType<FieldValues, FieldValues>> = UseFormReturn<z.input<S>, unknown, z.output<S>>;

/**
 * react-hook-form with the schema as resolver. The field values are the schema's input (yuan text,
 * '' for a blank date) and `handleSubmit` receives its output (fen, undefined), so no resolver
 * needs a cast. Pass a rules schema, narrowed with `.pick()` / `.extend()` where the form differs.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options?: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'>,
): ZodForm<S> {
  return useForm<z.input<S>, unknown, z.output<S>>({ ...options, resolver: zodResolver(schema) });
}
