// Reading CSV as Excel and the register's own export write it (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180):
// cells in double quotes may hold the separator, line breaks and doubled quotes; rows end in CRLF, LF
// or a lone CR (old Mac Excel); a UTF-8 byte order mark at the start is Excel's, not part of the
// first header. Excel habits beyond the RFC: a first line "sep=;" names the separator, and Excel in
// many European locales writes ";" instead of ",", so the header line decides when no "sep=" is given.
// No cell is trimmed or rewritten here: what the file holds is what the caller gets.

export interface CsvRecord {
  /** The row number a spreadsheet shows for this record (1 is the header), counting records, not lines. */
  row: number;
  cells: string[];
}

export type CsvParse =
  | { ok: true; separator: string; records: CsvRecord[] }
  /** The file cannot be read as CSV at all; `row` is where reading stopped. */
  | { ok: false; row: number; message: string };

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator the header line uses most outside quotes (comma when none). */
function guessSeparator(text: string): string {
  let best = ',', bestCount = 0;
  let quoted = false;
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > bestCount) { best = s; bestCount = counts.get(s)!; }
  return best;
}

export function parseCsv(input: string): CsvParse {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let separator: string | undefined;
  const sepLine = /^sep=(.)(\r\n|\n|\r|$)/i.exec(text);
  if (sepLine) { separator = sepLine[1]; text = text.slice(sepLine[0].length); }
  separator ??= guessSeparator(text);

  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  /** Whether the current cell began with a quote (then only a separator or line end may follow its closing quote). */
  let wasQuoted = false;
  let row = 1;
  const endCell = () => { cells.push(cell); cell = ''; wasQuoted = false; };
  const endRecord = () => {
    endCell();
    records.push({ row, cells });
    cells = [];
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') { cell += c; continue; }
      if (text[i + 1] === '"') { cell += '"'; i++; continue; }
      quoted = false;
      const next = text[i + 1];
      if (next !== undefined && next !== separator && next !== '\r' && next !== '\n') {
        return { ok: false, row, message: `Row ${row}: a quoted cell is followed by other text before the next ${separator === '\t' ? 'tab' : `"${separator}"`}. Put the whole cell in quotes and double any quote inside it ("").` };
      }
      continue;
    }
    if (c === '"' && cell === '' && !wasQuoted) { quoted = true; wasQuoted = true; continue; }
    if (c === separator) { endCell(); continue; }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      continue;
    }
    cell += c;
  }
  if (quoted) return { ok: false, row, message: `Row ${row}: a quoted cell is never closed. Add the closing quote (") at the end of the cell.` };
  // The last record has no line break after it, unless the file ended with one.
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return { ok: true, separator, records };
}
