/**
 * Personal data never reaches the log. These patterns mask, in any logged string, what looks like
 * an ID number (18 characters), a mobile phone or a bank account (12–25 digits) — in messages,
 * URLs and database errors — and database errors lose their bound parameters entirely.
 */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const LONG_DIGITS = /(?<!\d)(\d{4})\d{4,17}(\d{4})(?!\d)/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function redactText(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(LONG_DIGITS, '$1****$2').replace(MOBILE, '$1****$2');
}

/** Strips a database error's parameters and masks the rest; keeps what an operator needs. */
export function redactError(err: unknown): { [key: string]: unknown; type: string; message: string; stack: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: redactText(String(err)), stack: '' };
  const out: { [key: string]: unknown; type: string; message: string; stack: string } = {
    type: err.name,
    message: redactText(err.message.split('\nparams:')[0] ?? ''),
    stack: redactText((err.stack ?? '').split('\nparams:')[0] ?? ''),
  };
  const e = err as Error & { code?: unknown; constraint?: unknown; cause?: unknown; query?: unknown };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.constraint === 'string') out.constraint = e.constraint;
  if (typeof e.query === 'string') out.query = e.query; // the statement text has placeholders, never values
  if (e.cause) out.cause = redactError(e.cause);
  return out;
}
