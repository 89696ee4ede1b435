import { ValueType, Workbook, type Worksheet } from 'exceljs';
import { DateTime } from 'luxon';
import { shopDayReport } from './report-document.spec-helper';
import { renderXlsx } from './xlsx-report.renderer';

async function open(body: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs types its input as an ArrayBuffer; a Node Buffer is a view on one.
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook;
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}; have ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return found;
}

describe(renderXlsx.name, () => {
  const doc = shopDayReport();
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = await open(await renderXlsx(doc));
  });

  it('starts with a Report sheet, then one sheet per table with an Excel-safe unique name', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Report', 'Machines', 'Downtime by reason', 'Stops -M-001-- details - log--']);
  });

  it('puts title, period, zone and generation time on the Report sheet', () => {
    const report = sheet(workbook, 'Report');
    expect(report.getCell('A1').value).toBe('OEE daily');
    const facts = [3, 4, 5, 6].map((row) => [report.getCell(`A${row}`).value, report.getCell(`B${row}`).value]);
    expect(facts).toEqual([
      ['Period from', '2026-11-02T00:00:00+01:00'],
      ['Period to', '2026-11-03T00:00:00+01:00'],
      ['Time zone', 'Europe/Berlin'],
      ['Generated at', '2026-11-03T06:15:00+01:00'],
    ]);
  });

  it('gives each table a bold, frozen header of the column labels', () => {
    doc.tables.forEach((table, t) => {
      const ws = workbook.worksheets[t + 1];
      expect(ws.getRow(1).values).toEqual([undefined, ...table.columns.map((column) => column.label)]);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });
  });

  it('holds every cell of every table as the document has it, datetimes as wall times in the report zone', () => {
    doc.tables.forEach((table, t) => {
      const ws = workbook.worksheets[t + 1];
      expect(ws.rowCount).toBe(table.rows.length + 1);
      table.rows.forEach((row, r) => {
        table.columns.forEach((column, c) => {
          const cell = ws.getRow(r + 2).getCell(c + 1);
          const value = row[column.key];
          if (value === null) expect(cell.type).toBe(ValueType.Null);
          else if (column.unit === 'datetime') {
            const wall = DateTime.fromISO(value as string).setZone('Europe/Berlin');
            expect(cell.value).toEqual(new Date(`${wall.toFormat("yyyy-LL-dd'T'HH:mm:ss.SSS")}Z`));
          } else if (typeof value === 'string') expect(cell.value).toBe(value.replace(/\r\n/g, '\n'));
          else expect(cell.value).toBe(value);
        });
      });
    });
  });

  it('keeps numbers as numbers and formats only their display', () => {
    const ws = sheet(workbook, 'Machines');
    const m1 = ws.getRow(2);
    expect(m1.getCell(6).type).toBe(ValueType.Number);
    expect(m1.getCell(6).value).toBe(0.747937);
    expect([3, 4, 5, 6].map((c) => m1.getCell(c).numFmt)).toEqual(['0.0%', '0.0%', '0.0%', '0.0%']);
    expect(m1.getCell(7).numFmt).toBe('#,##0');
    expect(m1.getCell(8).numFmt).toBe('#,##0');
    expect(m1.getCell(9).numFmt).toBe('#,##0');
    expect(m1.getCell(10).numFmt).toBe('#,##0.##');
    expect(m1.getCell(11).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet(workbook, 'Downtime by reason').getCell('D2').numFmt).toBe('0.0%');
  });

  it('shows a UTC time in the report zone (14:02Z is 15:02 in Berlin)', () => {
    expect(sheet(workbook, 'Machines').getCell('K3').value).toEqual(new Date('2026-11-02T15:02:00.000Z'));
  });

  it('writes text that looks like a formula as plain text, never as a formula', () => {
    const cell = sheet(workbook, 'Machines').getCell('L3');
    expect(cell.type).toBe(ValueType.String);
    expect(cell.value).toBe('=SUM(A1)');
    expect(cell.formula).toBeUndefined();
  });

  it('turns a CR LF inside a cell into the LF Excel uses, and wraps that cell', () => {
    const cell = sheet(workbook, 'Machines').getCell('L2');
    expect(cell.value).toBe('Spindle warm-up\nafter weekend');
    expect(cell.alignment?.wrapText).toBe(true);
  });

  it('sizes columns to their content within limits', () => {
    const ws = sheet(workbook, 'Machines');
    const widths = ws.columns.map((column) => column.width ?? 0);
    expect(widths.every((w) => w >= 8 && w <= 60)).toBe(true);
    expect(widths[1]).toBeGreaterThan(widths[0]);
  });

  it('keeps a datetime it cannot read as its text, and null and non-finite numbers as empty cells', async () => {
    const odd = shopDayReport();
    odd.tables = [{ name: 'Odd', columns: [{ key: 'at', label: 'At', unit: 'datetime' }, { key: 'n', label: 'N', unit: 'count' }], rows: [{ at: 'last Tuesday', n: Number.NaN }, { at: null, n: null }] }];
    const ws = sheet(await open(await renderXlsx(odd)), 'Odd');
    expect(ws.getCell('A2').value).toBe('last Tuesday');
    expect(ws.getCell('B2').type).toBe(ValueType.Null);
    expect(ws.getCell('A3').type).toBe(ValueType.Null);
  });

  it('refuses a document whose zone is unknown', async () => {
    await expect(renderXlsx({ ...doc, timezone: 'Europe/Atlantis' })).rejects.toThrow(RangeError);
  });
});
