import fc from 'fast-check';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { CsvTooLargeError, parseCsv } from './csv-table';
import { parseCsvDataset } from './dataset-parser';

/** RFC 4180 text of a table, quoting where needed (and, when asked, where not). */
function toCsv(table: string[][], options: { newline: string; quoteAll: boolean; bom: boolean; trailingNewline: boolean }): string {
  const field = (cell: string): string => (options.quoteAll || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = table.map((record) => record.map(field).join(',')).join(options.newline) + (options.trailingNewline ? options.newline : '');
  return (options.bom ? '\ufeff' : '') + text;
}

const cellText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\r', '\n', '\t', 'é', '€', '😀', 'מ') }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** How a hostile or broken upload ends: a table, or a RangeError (the dataset parser's validation error). */
async function outcomeOf(body: Buffer): Promise<'table' | 'refused'> {
  try {
    await parseCsv(body);
    return 'table';
  } catch (error) {
    if (error instanceof RangeError) return 'refused';
    throw error;
  }
}

describe(parseCsv.name, () => {
  it('handles quotes, commas and newlines inside quoted cells, CRLF and a BOM', async () => {
    expect(await parseCsv(Buffer.from('\ufeffa,b\r\n"x,1","say ""hi""\nthere"\r\n'))).toEqual({ header: ['a', 'b'], rows: [['x,1', 'say "hi"\nthere']] });
  });

  it('takes LF, CRLF and a lone CR between records alike, skips blank lines, trims the header only', async () => {
    expect(await parseCsv(Buffer.from(' a , b\r1, 2\r\n\r\n3,4\n\n""\n5,6'))).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', ' 2'],
        ['3', '4'],
        ['5', '6'],
      ],
    });
  });

  it('names the line of a stray quote, an unclosed quote and text after a closing quote', async () => {
    await expect(parseCsv(Buffer.from('a,b\n1,x"y\n'))).rejects.toThrow(new RangeError('line 2: a quote inside an unquoted cell'));
    await expect(parseCsv(Buffer.from('a,b\n1, "y"\n'))).rejects.toThrow(new RangeError('line 2: a quote inside an unquoted cell'));
    await expect(parseCsv(Buffer.from('a,b\n1,"y"z\n'))).rejects.toThrow(new RangeError('line 2: text after a closing quote'));
    await expect(parseCsv(Buffer.from('a,b\n1,"y\n2,3'))).rejects.toThrow(/^line \d+: a quoted cell is never closed$/);
    await expect(parseCsv(Buffer.from('a,b\n1,2\n3\n'))).rejects.toThrow(new RangeError('record 2 has 1 cells, the header 2'));
    await expect(parseCsv(Buffer.from('\ufeff\n\r\n'))).rejects.toThrow(new RangeError('the CSV is empty'));
  });

  it('stops at the first record past a limit, saying how far it read', async () => {
    const csv = Buffer.from(`a,b\n${'1,2\n'.repeat(10)}"never closed`);
    expect(await parseCsv(Buffer.from(`a,b\n${'1,2\n'.repeat(3)}`), { rows: 3, columns: 2, cells: 6 })).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['1', '2'],
        ['1', '2'],
      ],
    });
    await expect(parseCsv(csv, { rows: 3, columns: 10, cells: 100 })).rejects.toEqual(new CsvTooLargeError(4, 2));
    await expect(parseCsv(csv, { rows: 100, columns: 1, cells: 100 })).rejects.toEqual(new CsvTooLargeError(0, 2));
    await expect(parseCsv(csv, { rows: 100, columns: 10, cells: 9 })).rejects.toEqual(new CsvTooLargeError(5, 2));
  });

  it('reads back any table written as RFC 4180, whatever the line ending, quoting and BOM', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          // One cell alone on a line must not be empty: that is a blank line.
          fc.array(fc.array(width === 1 ? cellText.filter((c) => c !== '') : cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
        ),
        fc.record({ newline: fc.constantFrom('\n', '\r\n', '\r'), quoteAll: fc.boolean(), bom: fc.boolean(), trailingNewline: fc.boolean() }),
        async (table, options) => {
          const [header, ...rows] = table;
          expect(await parseCsv(Buffer.from(toCsv(table, options)))).toEqual({ header: header.map((h) => h.trim()), rows });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads records split anywhere across the chunks it is fed in, a CRLF or a four-byte character included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 8 }), fc.constantFrom('\r\n', '😀', '""', '€'), async (shift, piece) => {
        const filler = 'x'.repeat(64 * 1024 - 6 - shift);
        const text = `a,b\n"${filler}${piece}",1\r\n2,3`;
        const table = await parseCsv(Buffer.from(text));
        expect(table.rows).toEqual([
          [`${filler}${piece === '""' ? '"' : piece}`, '1'],
          ['2', '3'],
        ]);
      }),
      { numRuns: 40 },
    );
  });

  it('answers random bytes with a table or a RangeError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        expect(['table', 'refused']).toContain(await outcomeOf(Buffer.from(bytes)));
      }),
      { numRuns: 300 },
    );
  });

  it('answers unbalanced quotes, stray separators and mixed line endings with a table or a RangeError', async () => {
    const token = fc.constantFrom('"', '""', ',', '\n', '\r', '\r\n', 'a', ' ', '\ufeff', '\u0000', '😀');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 200 }), async (tokens) => {
        expect(['table', 'refused']).toContain(await outcomeOf(Buffer.from(tokens.join(''))));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a 4 MB cell, quoted or not, and refuses one whose quote never closes', async () => {
    const huge = 'x'.repeat(4 * 1024 * 1024);
    expect((await parseCsv(Buffer.from(`a,b\n${huge},1\n`))).rows[0][0]).toHaveLength(huge.length);
    expect((await parseCsv(Buffer.from(`a,b\n"${huge}",1\n`))).rows[0][0]).toHaveLength(huge.length);
    await expect(parseCsv(Buffer.from(`a,b\n"${huge},1\n`))).rejects.toThrow(/a quoted cell is never closed/);
  }, 60_000);
});

describe(`${parseCsvDataset.name} on hostile uploads`, () => {
  it('answers any bytes with a dataset or a validation or size error, never a crash', async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
      fc
        .array(fc.constantFrom('y', 'a', '1', '-2.5', '"', ',', '\n', '\r\n', ' ', 'x"', '""'), { maxLength: 120 })
        .map((t) => Buffer.from(`a,y\n${t.join('')}`)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        try {
          await parseCsvDataset(bytes, { name: 'x', label: 'y' });
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect([ErrorCode.ValidationFailed, ErrorCode.PayloadTooLarge]).toContain((error as DomainError).code);
        }
      }),
      { numRuns: 300 },
    );
  });
});
