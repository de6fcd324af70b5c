import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

/** What binds a field to a useZodForm form: its `control` and the field's `name`. */
export interface Bound<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: Path<T>;
}

/** A field's value as input text ('' for empty). */
export const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The controller of a bound field and its error message. */
export function useBound<T extends FieldValues, O>({ control, name }: Bound<T, O>) {
  const { field, fieldState } = useController({ control, name });
  return { field, error: fieldState.error?.message };
}
