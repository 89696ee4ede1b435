import { renderCsv } from './csv-report.renderer';
import { renderPdf } from './pdf-report.renderer';
import { type RenderedReport, type ReportDocument, type ReportFormat } from './report-document';
import { ReportValueFormatter } from './report-value-formatter';
import { renderXlsx } from './xlsx-report.renderer';

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Keeps file names readable in download dialogs and well inside every file system's limit. */
const MAX_SLUG_LENGTH = 60;

/**
 * The report in the requested format. The zone is checked for every format, JSON and CSV included, so a document with
 * an unknown zone fails the same way whichever format is asked for.
 */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
  ReportValueFormatter.assertZone(doc.timezone);
  const rendered = (body: Buffer): RenderedReport => ({ contentType: REPORT_CONTENT_TYPES[format], fileExtension: format, body });
  switch (format) {
    case 'json':
      // RFC 8259 §8.1: no byte order mark in JSON.
      return rendered(Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8'));
    case 'csv':
      return rendered(renderCsv(doc));
    case 'xlsx':
      return rendered(await renderXlsx(doc));
    case 'pdf':
      return rendered(await renderPdf(doc));
    default:
      throw new RangeError(`Unknown report format "${String(format satisfies never)}"`);
  }
}

/**
 * A file name safe for any file system and Content-Disposition header: the title as lower-case ASCII words joined by
 * dashes, then the period's dates in the report zone: "oee-daily-2026-11-02.csv" for a day,
 * "oee-monthly-2026-11-01-to-2026-11-30.xlsx" for longer (`to` is exclusive, so its last day is the one before).
 */
export function reportFileName(doc: ReportDocument, format: ReportFormat): string {
  const formatter = new ReportValueFormatter(doc.timezone);
  const title = slug(doc.title);
  const first = formatter.date(doc.period.from);
  const last = formatter.date(doc.period.to, 1);
  const dates = first === null ? '' : last === null || last <= first ? first : `${first}-to-${last}`;
  const stem = [title.endsWith(dates) ? title.slice(0, title.length - dates.length) : title, dates].map((part) => part.replace(/^-+|-+$/g, '')).filter((part) => part !== '').join('-');
  return `${stem === '' ? 'report' : stem}.${format}`;
}

function slug(text: string): string {
  const ascii = text
    // German transliteration (DIN 5007-2) before accents are dropped: "Übersicht" → "uebersicht", not "ubersicht".
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return 'report';
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  // Cut between words when there is one to cut at.
  const head = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = head.lastIndexOf('-');
  return (lastDash > 0 ? head.slice(0, lastDash) : head.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
