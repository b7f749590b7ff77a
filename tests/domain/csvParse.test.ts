import fc from 'fast-check';
import { parseCsv } from '../../src/domain/csvParse';
import { toCsv } from '../../src/domain/csv';

const cells = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r.records.map((x) => x.cells);
};

describe('reading CSV (RFC 4180 and Excel habits)', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes', () => {
    expect(cells('a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\r\nlines', 'z']]);
  });

  it('takes LF, CRLF and lone CR row ends, with or without a last line break', () => {
    expect(cells('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('drops the byte order mark Excel puts at the start, and keeps empty and quoted-empty cells', () => {
    expect(cells('\ufeffName,Handle\r\n,""\r\n')).toEqual([['Name', 'Handle'], ['', '']]);
  });

  it('follows "sep=;" and guesses ";" or tab from the header line (Excel in other locales)', () => {
    const r = parseCsv('sep=;\r\nName;Handle\r\n"a;b";c\r\n');
    expect(r.ok && [r.separator, r.records.map((x) => x.cells)]).toEqual([';', [['Name', 'Handle'], ['a;b', 'c']]]);
    expect(cells('Name;Handle;Status\nx,y;@h;Active')).toEqual([['Name', 'Handle', 'Status'], ['x,y', '@h', 'Active']]);
    expect(cells('Name\tHandle\nx\t@h')).toEqual([['Name', 'Handle'], ['x', '@h']]);
  });

  it('numbers rows as a spreadsheet does: a cell with line breaks is still one row', () => {
    const r = parseCsv('h\r\n"a\r\nb"\r\nc\r\n');
    expect(r.ok && r.records.map((x) => x.row)).toEqual([1, 2, 3]);
  });

  it('says where an unclosed quote or text after a closing quote is', () => {
    expect(parseCsv('h\r\nok\r\n"never closed\r\n')).toEqual({ ok: false, row: 3, message: expect.stringMatching(/^Row 3: a quoted cell is never closed/) });
    expect(parseCsv('h,i\r\n"a"b,c\r\n')).toEqual({ ok: false, row: 2, message: expect.stringMatching(/^Row 2: a quoted cell is followed by other text/) });
  });

  it('reads back exactly what the export writes, whatever the cells hold (apart from the formula marker)', () => {
    const cell = fc.string({ unit: 'binary' }).filter((s) => !/^'*[=+\-@\t\r]/.test(s));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const r = parseCsv(toCsv(['A', 'B'], rows));
      expect(r.ok && r.records.slice(1).map((x) => x.cells)).toEqual(rows);
    }));
  });
});
