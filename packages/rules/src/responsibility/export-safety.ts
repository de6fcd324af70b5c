/**
 * Spreadsheet formula injection: a cell whose text starts with =, +, -, @ (or a tab / carriage
 * return that some programs skip) may be run as a formula when the file is opened or re-saved as
 * CSV. Such text gets a leading apostrophe so it is shown, never evaluated (OWASP's advice).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique within the workbook. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
