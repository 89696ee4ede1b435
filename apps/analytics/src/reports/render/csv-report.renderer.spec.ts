import { renderCsv } from './csv-report.renderer';
import { parseCsv } from './csv.spec-helper';
import { type ReportCell, type ReportDocument } from './report-document';
import { shopDayReport } from './report-document.spec-helper';

const BOM = '\uFEFF';

function read(body: Buffer): string[][] {
  const text = body.toString('utf8');
  expect(text.startsWith(BOM)).toBe(true);
  return parseCsv(text.slice(BOM.length));
}

function withCells(cells: ReportCell[]): ReportDocument {
  const doc = shopDayReport();
  return { ...doc, tables: [{ name: 'Values', columns: [{ key: 'v', label: 'Value', unit: 'count' }], rows: cells.map((v) => ({ v })) }] };
}

describe(renderCsv.name, () => {
  it('writes UTF-8 with a byte order mark and ends every record in CRLF', () => {
    const body = renderCsv(shopDayReport());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').endsWith('\r\n')).toBe(true);
    expect(body.toString('utf8')).toContain('Drehzentrum Süd');
  });

  it('reads back to the main table: the labels, then every cell as the document holds it', () => {
    const doc = shopDayReport();
    const [main] = doc.tables;
    const [header, ...records] = read(renderCsv(doc));

    expect(header).toEqual(main.columns.map((column) => column.label));
    expect(records).toHaveLength(main.rows.length);
    main.rows.forEach((row, r) => {
      expect(records[r]).toHaveLength(main.columns.length);
      main.columns.forEach((column, c) => {
        const value = row[column.key];
        const field = records[r][c];
        if (value === null) expect(field).toBe('');
        else if (typeof value === 'number') expect(Number(field)).toBe(value);
        else expect(field.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(value);
      });
    });
  });

  it('keeps commas, quotes, line breaks and umlauts intact inside quoted fields', () => {
    const records = read(renderCsv(shopDayReport()));
    expect(records[2][1]).toBe('DMG MORI "NLX 2500", Halle 2');
    expect(records[1][11]).toBe('Spindle warm-up\r\nafter weekend');
    expect(records[3][1]).toBe('Drehzentrum Süd');
    const raw = renderCsv(shopDayReport()).toString('utf8');
    expect(raw).toContain('"DMG MORI ""NLX 2500"", Halle 2"');
  });

  it('defuses text that a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const records = read(renderCsv(shopDayReport()));
    const notes = records.slice(1).map((record) => record[11]);
    expect(notes).toEqual(["Spindle warm-up\r\nafter weekend", "'=SUM(A1)", "'-5 parts rework", "'+49 711 shift lead", "'@ops please check", "'\tindented; 1,5 mm", 'ideal cycle time too long?', '']);
  });

  it('writes numbers as JavaScript prints them: full precision, a dot, ratios as 0..1, negatives unescaped', () => {
    const values = [0.747937, 0.1 + 0.2, -5, -0.000001, 1e-7, 1234567.891, 1e21, 0, 1.021233];
    const records = read(renderCsv(withCells(values)));
    expect(records.slice(1).map(([field]) => field)).toEqual(['0.747937', '0.30000000000000004', '-5', '-0.000001', '1e-7', '1234567.891', '1e+21', '0', '1.021233']);
    records.slice(1).forEach(([field], i) => expect(Number(field)).toBe(values[i]));
  });

  it('writes null and non-finite numbers as empty fields, as JSON has no value for them either', () => {
    const records = read(renderCsv(withCells([null, Number.NaN, Number.POSITIVE_INFINITY, 7])));
    expect(records.slice(1)).toEqual([[''], [''], [''], ['7']]);
  });

  it('leaves the other tables out', () => {
    const text = renderCsv(shopDayReport()).toString('utf8');
    expect(text).not.toContain('TOOL_BREAK');
    expect(text).not.toContain('Reason');
  });

  it('writes only the byte order mark for a report without tables', () => {
    expect(renderCsv({ ...shopDayReport(), tables: [] }).toString('utf8')).toBe(BOM);
  });
});

describe(parseCsv.name, () => {
  it('reads quoted fields and refuses what RFC 4180 does not allow', () => {
    expect(parseCsv('a,"b,""c""\r\nd",\r\n')).toEqual([['a', 'b,"c"\r\nd', '']]);
    expect(() => parseCsv('a,b\nc,d\r\n')).toThrow();
    expect(() => parseCsv('a,b"c\r\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
  });
});
