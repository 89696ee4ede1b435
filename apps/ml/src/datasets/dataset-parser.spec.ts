import fc from 'fast-check';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { DATASET_LIMITS, parseCsvDataset, parseJsonDataset } from './dataset-parser';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
const errorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe(parseJsonDataset.name, () => {
  it('stores numbers as float64 columns, missing cells as NaN, and leaves excluded columns out', () => {
    const parsed = parseJsonDataset(
      json({
        name: 'mill',
        label: 'failed',
        exclude: ['id'],
        rows: [
          { id: 'a', torque: 40.5, wear: null, failed: 0 },
          { id: 'b', torque: 51, wear: 12, failed: 1 },
        ],
      }),
    );
    expect(parsed.rowCount).toBe(2);
    expect(parsed.columns.map((c) => [c.name, c.kind])).toEqual([
      ['torque', 'number'],
      ['wear', 'number'],
      ['failed', 'number'],
    ]);
    expect([...(parsed.columns[1].values as Float64Array)]).toEqual([Number.NaN, 12]);
    expect([...(parsed.columns[2].values as Float64Array)]).toEqual([0, 1]);
  });

  it('keeps the group as text and reads an ISO order as epoch milliseconds', () => {
    const parsed = parseJsonDataset(
      json({
        name: 's',
        label: 'rul',
        group: 'unit',
        order: 'at',
        rows: [
          { unit: 7, at: '2026-01-01T00:00:00Z', x: 1, rul: 3 },
          { unit: 7, at: '2026-01-01T01:00:00Z', x: 2, rul: 2 },
        ],
      }),
    );
    expect(parsed.columns.find((c) => c.name === 'unit')?.values).toEqual(['7', '7']);
    expect([...(parsed.columns.find((c) => c.name === 'at')?.values as Float64Array)]).toEqual([Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 1)]);
  });

  it('refuses a dataset without its label column, naming the field', () => {
    const error = errorOf(() => parseJsonDataset(json({ name: 'x', label: 'Machine failure', rows: [{ a: 1 }] })));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors).toEqual([expect.objectContaining({ field: 'label' })]);
  });

  it('keeps a text feature with few levels as a categorical column, leaves an identifier out with the reason, and lets exclude win', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ serial: `SN-${i}`, Type: ['L', 'M', 'H'][i % 3], note: i % 2 ? 'ok' : null, y: i % 2 }));
    const parsed = parseJsonDataset(json({ name: 'x', label: 'y', exclude: ['note'], rows }));
    expect(parsed.columns.map((c) => [c.name, c.kind])).toEqual([
      ['Type', 'text'],
      ['y', 'number'],
    ]);
    expect(parsed.columns[0].values.slice(0, 4)).toEqual(['L', 'M', 'H', 'L']);
    expect(parsed.ignored).toEqual([{ name: 'serial', reason: expect.stringContaining('identifier') }]);
  });

  it('leaves a column of longer text out as free text, and refuses true/false as neither number nor text', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ remark: 'x'.repeat(101 + i), t: i, y: i % 2 }));
    const parsed = parseJsonDataset(json({ name: 'x', label: 'y', rows }));
    expect(parsed.ignored).toEqual([{ name: 'remark', reason: expect.stringContaining('free text') }]);
    const flags = errorOf(() =>
      parseJsonDataset(
        json({
          name: 'x',
          label: 'y',
          rows: [
            { a: true, y: 0 },
            { a: null, y: 1 },
          ],
        }),
      ),
    );
    expect(flags.fieldErrors?.[0]).toMatchObject({ field: 'columns.a', invalid_value: true });
  });

  it('refuses a column of numbers with a stray text cell and tells how to fix it', () => {
    const error = errorOf(() =>
      parseJsonDataset(
        json({
          name: 'x',
          label: 'y',
          rows: [
            { Torque: 40, y: 0 },
            { Torque: 'n/a', y: 1 },
            { Torque: 41, y: 0 },
          ],
        }),
      ),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors?.[0]).toMatchObject({ field: 'columns.Torque', invalid_value: 'n/a' });
    expect(error.fieldErrors?.[0].message).toContain('exclude');
  });

  it('refuses a categorical value no database can hold and an object cell, naming the row', () => {
    const nul = errorOf(() =>
      parseJsonDataset(
        json({
          name: 'x',
          label: 'y',
          rows: [
            { Type: 'L', y: 0 },
            { Type: 'M\u0000', y: 1 },
          ],
        }),
      ),
    );
    expect(nul.fieldErrors?.[0]).toMatchObject({ field: 'rows[1].Type' });
    const object = errorOf(() => parseJsonDataset(json({ name: 'x', label: 'y', rows: [{ Type: { a: 1 }, y: 0 }] })));
    expect(object.fieldErrors?.[0]).toMatchObject({ field: 'rows[0].Type' });
  });

  it('answers any hostile cell with a validation error or a dataset, never anything else', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', ' ', '\u0000', '\ud800', '🔧', 'NaN', '1e999', '-0', 'true'),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 30 }), (cells) => {
        const body = json({ name: 'x', label: 'y', rows: cells.map(([a, b, y]) => ({ a, b, y })) });
        try {
          const parsed = parseJsonDataset(body);
          for (const column of parsed.columns) expect(column.values).toHaveLength(cells.length);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out a text column with more than 100 levels however many rows there are', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ batch: `b${i % 101}`, t: i, y: i % 2 }));
    const parsed = parseJsonDataset(json({ name: 'x', label: 'y', rows }));
    expect(parsed.ignored.map((c) => c.name)).toEqual(['batch']);
    const few = parseJsonDataset(json({ name: 'x', label: 'y', rows: rows.map((r, i) => ({ ...r, batch: `b${i % 100}` })) }));
    expect(few.columns.find((c) => c.name === 'batch')?.kind).toBe('text');
  });

  it('refuses true/false as numbers, a column with no value at all, and names or groups no database can hold', () => {
    const bool = errorOf(() =>
      parseJsonDataset(
        json({
          name: 'x',
          label: 'y',
          rows: [
            { a: true, y: 0 },
            { a: 2, y: 1 },
          ],
        }),
      ),
    );
    expect(bool.fieldErrors?.[0]).toMatchObject({ field: 'columns.a', invalid_value: true });
    expect(
      errorOf(() =>
        parseJsonDataset(
          json({
            name: 'x',
            label: 'y',
            rows: [
              { a: 1, b: null, y: 0 },
              { a: 2, b: null, y: 1 },
            ],
          }),
        ),
      ).fieldErrors?.[0].field,
    ).toBe('columns.b');
    expect(errorOf(() => parseJsonDataset(json({ name: 'x', label: 'y', rows: [{ 'a\u0000': 1, y: 0 }] }))).fieldErrors?.[0].field).toBe('columns');
    expect(errorOf(() => parseJsonDataset(json({ name: 'x\u0000', label: 'y', rows: [{ a: 1, y: 0 }] }))).fieldErrors?.[0].field).toBe('name');
    expect(errorOf(() => parseJsonDataset(json({ name: 'x', label: 'y', group: 'g', rows: [{ g: '\ud800', a: 1, y: 0 }] }))).fieldErrors?.[0].field).toBe(
      'rows[0].g',
    );
    const huge = errorOf(() => parseJsonDataset(json({ name: 'x'.repeat(1_000_000), label: 'y', rows: [{ a: 1, y: 0 }] })));
    expect(JSON.stringify(huge.toShape()).length).toBeLessThan(5000);
  });

  it('refuses an empty label cell, repeated (group, order) rows, bad JSON and a missing rows array', () => {
    expect(errorOf(() => parseJsonDataset(json({ name: 'x', label: 'y', rows: [{ a: 1, y: null }] }))).fieldErrors?.[0].field).toBe('columns.y');
    expect(
      errorOf(() =>
        parseJsonDataset(
          json({
            name: 'x',
            label: 'y',
            group: 'g',
            order: 't',
            rows: [
              { g: 1, t: 1, a: 1, y: 0 },
              { g: 1, t: 1, a: 2, y: 0 },
            ],
          }),
        ),
      ).fieldErrors?.[0].field,
    ).toBe('rows[1]');
    expect(errorOf(() => parseJsonDataset(Buffer.from('{"name":'))).code).toBe(ErrorCode.ValidationFailed);
    expect(errorOf(() => parseJsonDataset(json({ name: 'x', label: 'y' }))).fieldErrors?.[0].field).toBe('rows');
  });
});

const rejectionOf = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe(parseCsvDataset.name, () => {
  it('reads numbers from text, takes the spec from the query (exclude as a comma list)', async () => {
    const csv = 'UDI,Type,Torque [Nm],Machine failure\n1,L,42.8,0\n2,M,"46.3",1\n';
    const parsed = await parseCsvDataset(Buffer.from(csv), { name: 'ai4i', label: 'Machine failure', exclude: 'UDI, Type' });
    expect(parsed.columns.map((c) => c.name)).toEqual(['Torque [Nm]', 'Machine failure']);
    expect([...(parsed.columns[0].values as Float64Array)]).toEqual([42.8, 46.3]);
  });

  it('reads a text column as categorical levels (trimmed; an empty cell is missing)', async () => {
    const csv = 'Type,Torque [Nm],Machine failure\n L ,42.8,0\nM,46.3,1\n,40,0\n';
    const parsed = await parseCsvDataset(Buffer.from(csv), { name: 'ai4i', label: 'Machine failure' });
    expect(parsed.columns[0]).toEqual({ name: 'Type', kind: 'text', values: ['L', 'M', null] });
  });

  it('refuses ragged rows with the record number', async () => {
    expect((await rejectionOf(parseCsvDataset(Buffer.from('a,y\n1,0\n2\n'), { name: 'x', label: 'y' }))).message).toContain('record 2');
  });

  it('refuses malformed CSV as a validation error on the body, naming the line', async () => {
    for (const [csv, problem] of [
      ['a,y\n1,x"y\n', 'line 2: a quote inside an unquoted cell'],
      ['a,y\n1,"0\n2,1\n', 'line 3: a quoted cell is never closed'],
      ['a,y\n1,"0"1\n', 'line 2: text after a closing quote'],
      ['', 'the CSV is empty'],
      ['\ufeff\r\n\n', 'the CSV is empty'],
    ]) {
      const error = await rejectionOf(parseCsvDataset(Buffer.from(csv), { name: 'x', label: 'y' }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.message).toContain(`The CSV cannot be read: ${problem}`);
      expect(error.fieldErrors?.[0].field).toBe('body');
    }
    expect((await rejectionOf(parseCsvDataset(Buffer.from('a,y\n'), { name: 'x', label: 'y' }))).message).toBe('The CSV has a header but no rows');
  });

  it('refuses more rows or columns than a dataset may have as too large, reading no further than the limit', async () => {
    const rows = await rejectionOf(parseCsvDataset(Buffer.from(`y\n${'1\n'.repeat(DATASET_LIMITS.rows + 2)}`), { name: 'x', label: 'y' }));
    expect(rows.code).toBe(ErrorCode.PayloadTooLarge);
    expect(rows.message).toContain(`this one has at least ${DATASET_LIMITS.rows + 1} rows and 1 columns`);
    expect(rows.details).toMatchObject({ rows_given: DATASET_LIMITS.rows + 1, columns_given: 1 });
    const header = Array.from({ length: DATASET_LIMITS.columns + 1 }, (_, i) => `c${i}`).join(',');
    const columns = await rejectionOf(parseCsvDataset(Buffer.from(`${header}\n"broken`), { name: 'x', label: 'y' }));
    expect(columns.code).toBe(ErrorCode.PayloadTooLarge);
    expect(columns.details).toMatchObject({ columns_given: DATASET_LIMITS.columns + 1 });
  }, 60_000);
});
