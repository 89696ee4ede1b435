import { type CellValue, Workbook, type Worksheet } from 'exceljs';
import { type ReportCell, type ReportColumn, type ReportDocument, type ReportTable } from './report-document';
import { ReportValueFormatter } from './report-value-formatter';
import { XlsxSheetNames } from './xlsx-sheet-names';

export const XLSX_NUMBER_FORMATS = {
  ratio: '0.0%',
  seconds: '#,##0',
  count: '#,##0.##',
  /** Excel shows "12." for a whole number under "#,##0.##", so whole counts get this one. */
  wholeCount: '#,##0',
  datetime: 'yyyy-mm-dd hh:mm:ss',
} as const;

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * The report as an Excel workbook: a "Report" sheet with title, period, zone and generation time, then one sheet per
 * table with a bold, frozen, filterable header. Numbers stay numbers (only their display is formatted), null is an
 * empty cell, and datetime columns become real Excel date-times showing the wall time in the report's zone, so that
 * they sort, filter and calculate; the Report sheet says which zone that is and keeps the period as exact ISO strings.
 * A datetime that cannot be read stays as its text. Line breaks in text become Excel's LF; characters XML cannot hold
 * (control characters other than tab and line breaks) are dropped by exceljs.
 */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const formatter = new ReportValueFormatter(doc.timezone);
  const workbook = new Workbook();
  workbook.creator = 'Shopfloor Analytics';
  workbook.title = doc.title;
  // Fixed times keep the file the same for the same document.
  const generatedAt = new Date(doc.generated_at);
  if (!Number.isNaN(generatedAt.getTime())) {
    workbook.created = generatedAt;
    workbook.modified = generatedAt;
  }

  const names = new XlsxSheetNames();
  addSummarySheet(workbook.addWorksheet(names.claim('Report')), doc);
  for (const table of doc.tables) addTableSheet(workbook.addWorksheet(names.claim(table.name)), table, formatter);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSummarySheet(sheet: Worksheet, doc: ReportDocument): void {
  sheet.getCell('A1').value = doc.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const facts: [string, string][] = [
    ['Period from', doc.period.from],
    ['Period to', doc.period.to],
    ['Time zone', doc.timezone],
    ['Generated at', doc.generated_at],
  ];
  facts.forEach(([label, value], i) => {
    const row = sheet.getRow(i + 3);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
  });
  sheet.getCell(`A${facts.length + 4}`).value = `Dates and times in the other sheets are wall times in ${doc.timezone}.`;
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = Math.max(32, doc.timezone.length + 2);
}

function addTableSheet(sheet: Worksheet, table: ReportTable, formatter: ReportValueFormatter): void {
  sheet.columns = table.columns.map((column) => ({ key: column.key, header: column.label, width: columnWidth(column, table, formatter) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };

  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((column) => cellValue(column, row[column.key], formatter)));
    table.columns.forEach((column, i) => {
      const cell = added.getCell(i + 1);
      const format = numberFormat(column, cell.value);
      if (format) cell.numFmt = format;
      if (typeof cell.value === 'string' && cell.value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
}

function cellValue(column: ReportColumn, value: ReportCell | undefined, formatter: ReportValueFormatter): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (column.unit === 'datetime') {
    const wall = formatter.wallClock(value);
    if (wall) return wall;
  }
  // Strings are written as strings, never as formulas, so "=SUM(A1)" cannot run (no CSV-style escaping needed). A
  // line break in a cell is LF in Excel (Alt+Enter); XML would turn a CR LF into LF on reading anyway.
  return value.replace(/\r\n?/g, '\n');
}

function numberFormat(column: ReportColumn, value: CellValue): string | null {
  if (value instanceof Date) return XLSX_NUMBER_FORMATS.datetime;
  if (typeof value !== 'number') return null;
  switch (column.unit) {
    case 'ratio':
      return XLSX_NUMBER_FORMATS.ratio;
    case 'seconds':
      return XLSX_NUMBER_FORMATS.seconds;
    case 'count':
      return Number.isInteger(value) ? XLSX_NUMBER_FORMATS.wholeCount : XLSX_NUMBER_FORMATS.count;
    case 'text':
    case 'datetime':
      return null;
  }
}

/** Wide enough for the header and the longest value as displayed, within limits. */
function columnWidth(column: ReportColumn, table: ReportTable, formatter: ReportValueFormatter): number {
  let longest = column.label.length;
  for (const row of table.rows) {
    const value = row[column.key];
    if (value === null || value === undefined) continue;
    const shown = column.unit === 'datetime' && typeof value === 'string' && formatter.wallClock(value) ? 'yyyy-mm-dd hh:mm:ss' : formatter.cell(column.unit, value);
    longest = Math.max(longest, ...shown.split(/\r?\n/).map((line) => line.length));
  }
  // Bold header text and the filter button need a little more room than the characters.
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 4));
}
