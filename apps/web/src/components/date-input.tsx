import { DateInput as MantineDateInput, type DateInputProps as MantineDateInputProps } from '@mantine/dates';
import { useMergedRef } from '@mantine/hooks';
import { useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type Ref } from 'react';
import { parseDateText, parseMonthText } from '../lib/dates';

type BaseProps = Omit<
  MantineDateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate' | 'level' | 'defaultLevel' | 'minLevel'
>;

export interface DateInputProps extends BaseProps {
  /** 'YYYY-MM-DD', or '' / null for none. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  minDate?: string;
  maxDate?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * Keeps the calendar out of the way of typing: it opens on a click (or Alt+↓) and while the text
 * is not yet a whole date, and closes once a date is typed or picked, on Tab, Enter, Escape and blur.
 * (Mantine opens it on focus, where it would cover the next fields of a form.)
 */
function useDropdown(isComplete: (text: string) => boolean) {
  const [opened, setOpened] = useState(false);
  return {
    opened,
    // While the calendar is open, Escape closes it and not the dialog around the form (Mantine's modal reads this attribute).
    stopEscape: opened ? 'true' : undefined,
    close: () => setOpened(false),
    handlers: {
      onClick: () => setOpened(true),
      onBlur: () => setOpened(false),
      onInput: (event: { currentTarget: HTMLInputElement }) => setOpened(!isComplete(event.currentTarget.value)),
      onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
        if (['Tab', 'Enter', 'Escape'].includes(event.key)) setOpened(false);
        else if (event.key === 'ArrowDown' && event.altKey) setOpened(true);
      },
    },
  };
}

function chain<E>(a: (event: E) => void, b: ((event: E) => void) | undefined) {
  return (event: E) => {
    a(event);
    b?.(event);
  };
}

/**
 * The one date input: typeable (2019-09-02, 20190902, 2019/9/2, 2019年9月2日), a Chinese calendar
 * below it, shown as 2019年9月2日; the value is a 'YYYY-MM-DD' string.
 */
export function DateInput({
  value,
  onChange,
  onClick,
  onBlur,
  onKeyDown,
  onInput,
  popoverProps,
  placeholder,
  required,
  ...rest
}: DateInputProps) {
  const dropdown = useDropdown((text) => parseDateText(text) !== null);
  return (
    <MantineDateInput
      {...rest}
      required={required}
      value={value || null}
      onChange={(next) => {
        onChange(next ? String(next).slice(0, 10) : null);
        dropdown.close();
      }}
      valueFormat="YYYY年M月D日"
      dateParser={parseDateText}
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      allowDeselect
      clearable={!required && !rest.withAsterisk && !rest.disabled && !rest.readOnly}
      placeholder={placeholder ?? '如 2026-12-01 或 20261201'}
      popoverProps={{ ...popoverProps, opened: dropdown.opened }}
      data-mantine-stop-propagation={dropdown.stopEscape}
      onClick={chain(dropdown.handlers.onClick, onClick)}
      onBlur={chain(dropdown.handlers.onBlur, onBlur)}
      onKeyDown={chain(dropdown.handlers.onKeyDown, onKeyDown)}
      onInput={chain(dropdown.handlers.onInput, onInput)}
    />
  );
}

export interface MonthInputProps extends BaseProps {
  /** 'YYYY-MM', or '' / null for none. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  minMonth?: string;
  maxMonth?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The one month input: typeable (2019-09, 201909, 2019年9月) with a month grid below it (header
 * 2019年, months 1月…12月), shown as 2019年9月; the value is a 'YYYY-MM' string.
 */
export function MonthInput({
  value,
  onChange,
  onClick,
  onBlur,
  onKeyDown,
  onInput,
  popoverProps,
  placeholder,
  required,
  minMonth,
  maxMonth,
  ref: outerRef,
  ...rest
}: MonthInputProps) {
  const dropdown = useDropdown((text) => parseMonthText(text) !== null);
  const ref = useRef<HTMLInputElement>(null);
  const mergedRef = useMergedRef(ref, outerRef);
  const emit = (next: string | null) => {
    onChange(next ? next.slice(0, 7) : null);
    dropdown.close();
  };
  return (
    <MantineDateInput
      {...rest}
      ref={mergedRef}
      required={required}
      value={value ? `${value.slice(0, 7)}-01` : null}
      onChange={(next) => emit(next ? String(next) : null)}
      // Picking a month in the grid: the input shows it once it loses focus, so let it go.
      getMonthControlProps={(month) => ({
        onClick: () => {
          emit(String(month));
          ref.current?.blur();
        },
      })}
      defaultLevel="year"
      valueFormat="YYYY年M月"
      dateParser={(text) => {
        const month = parseMonthText(text);
        return month ? `${month}-01` : null;
      }}
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      minDate={minMonth ? `${minMonth}-01` : undefined}
      maxDate={maxMonth ? `${maxMonth}-01` : undefined}
      allowDeselect
      clearable={!required && !rest.withAsterisk && !rest.disabled && !rest.readOnly}
      placeholder={placeholder ?? '如 2026-12 或 202612'}
      popoverProps={{ ...popoverProps, opened: dropdown.opened }}
      data-mantine-stop-propagation={dropdown.stopEscape}
      onClick={chain<MouseEvent<HTMLInputElement>>(dropdown.handlers.onClick, onClick)}
      onBlur={chain<FocusEvent<HTMLInputElement>>(dropdown.handlers.onBlur, onBlur)}
      onKeyDown={chain(dropdown.handlers.onKeyDown, onKeyDown)}
      onInput={chain(dropdown.handlers.onInput, onInput)}
    />
  );
}
