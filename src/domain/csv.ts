// CSV for Excel: quoted cells, CRLF rows, and formula-looking cells defused so a name such as
// "=HYPERLINK(...)" opens as text, not as a formula (CSV injection). The apostrophe is a marker the
// import removes again (register/importSheet.ts unmarkCell); a value that itself starts with
// apostrophes before such a character gets one more, so export then import gives back the value.

const FORMULA_START = /^'*[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | boolean | undefined | null)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
