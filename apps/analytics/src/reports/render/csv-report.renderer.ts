import { type ReportCell, type ReportDocument } from './report-document';

/**
 * Excel reads a CSV without a byte order mark in the machine's ANSI code page, turning "Drehzentrum Süd" into
 * "Drehzentrum SÃ¼d"; with it Excel, LibreOffice and every CSV library read UTF-8. RFC 4180 allows any charset.
 */
const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';
/** RFC 4180 §2.6: fields containing a comma, a double quote, CR or LF are enclosed in double quotes. */
const NEEDS_QUOTES = /[",\r\n]/;
/** OWASP "CSV Injection": spreadsheet programs run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The main table (`tables[0]`) as RFC 4180 CSV: a header of the column labels, one record per row, every record ending
 * in CRLF, comma-separated, UTF-8 with a BOM. Numbers are written as JavaScript prints them (full precision, a dot as
 * decimal separator, ratios as 0..1), so the file reads back to the same values as the JSON; null is an empty field,
 * as is a non-finite number, which JSON cannot carry either. A report without tables is an empty file.
 */
export function renderCsv(doc: ReportDocument): Buffer {
  const table = doc.tables[0];
  const records = table ? [table.columns.map((column) => field(column.label)), ...table.rows.map((row) => table.columns.map((column) => field(row[column.key])))] : [];
  return Buffer.from(UTF8_BOM + records.map((record) => record.join(',') + CRLF).join(''), 'utf8');
}

function field(value: ReportCell | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, never formulas: a negative number keeps its minus sign.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
