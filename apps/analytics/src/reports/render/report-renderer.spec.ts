import { Workbook } from 'exceljs';
import { renderCsv } from './csv-report.renderer';
import { REPORT_FORMATS, type ReportDocument, type ReportFormat } from './report-document';
import { shopDayReport } from './report-document.spec-helper';
import { renderReport, reportFileName } from './report-renderer';

jest.setTimeout(30_000);

function titled(title: string, from: string, to: string): ReportDocument {
  return { ...shopDayReport(), title, period: { from, to } };
}

describe(renderReport.name, () => {
  const doc = shopDayReport();

  it.each([
    ['json', 'application/json; charset=utf-8'],
    ['csv', 'text/csv; charset=utf-8'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pdf', 'application/pdf'],
  ] as const)('renders %s as %s', async (format, contentType) => {
    const rendered = await renderReport(doc, format);
    expect(rendered.contentType).toBe(contentType);
    expect(rendered.fileExtension).toBe(format);
    expect(rendered.body.length).toBeGreaterThan(0);
  });

  it('renders JSON as the document itself, without a byte order mark', async () => {
    const { body } = await renderReport(doc, 'json');
    expect(body[0]).toBe('{'.charCodeAt(0));
    expect(JSON.parse(body.toString('utf8'))).toEqual(doc);
  });

  it('hands each format to its renderer', async () => {
    expect((await renderReport(doc, 'csv')).body.equals(renderCsv(doc))).toBe(true);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array((await renderReport(doc, 'xlsx')).body).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toContain('Machines');
    expect((await renderReport(doc, 'pdf')).body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('covers every format it declares', () => {
    expect([...REPORT_FORMATS].sort()).toEqual(['csv', 'json', 'pdf', 'xlsx']);
  });

  it('refuses an unknown zone whatever the format, and an unknown format', async () => {
    for (const format of REPORT_FORMATS) await expect(renderReport({ ...doc, timezone: 'CEST' }, format)).rejects.toThrow(RangeError);
    await expect(renderReport(doc, 'docx' as ReportFormat)).rejects.toThrow('Unknown report format "docx"');
  });
});

describe(reportFileName.name, () => {
  it('names a day report after its title and local date', () => {
    expect(reportFileName(shopDayReport(), 'csv')).toBe('oee-daily-2026-11-02.csv');
  });

  it('uses the date in the report zone, not in UTC', () => {
    expect(reportFileName(titled('OEE daily', '2026-11-01T23:00:00Z', '2026-11-02T23:00:00Z'), 'pdf')).toBe('oee-daily-2026-11-02.pdf');
  });

  it('names a longer period by its first and last day, the end being exclusive', () => {
    expect(reportFileName(titled('OEE monthly', '2026-11-01T00:00:00+01:00', '2026-12-01T00:00:00+01:00'), 'xlsx')).toBe('oee-monthly-2026-11-01-to-2026-11-30.xlsx');
  });

  it('keeps only ASCII letters, digits and dashes', () => {
    const name = reportFileName(titled('Schicht-Übersicht: Halle 2 / Süd (Früh) — Größe "A"', '2026-11-02T06:00:00+01:00', '2026-11-02T14:00:00+01:00'), 'json');
    expect(name).toBe('schicht-uebersicht-halle-2-sued-frueh-groesse-a-2026-11-02.json');
    expect(name).toMatch(/^[a-z0-9-]+\.json$/);
  });

  it('does not repeat a date the title already ends with, and falls back to "report"', () => {
    expect(reportFileName(titled('OEE 2026-11-02', '2026-11-02T00:00:00+01:00', '2026-11-03T00:00:00+01:00'), 'csv')).toBe('oee-2026-11-02.csv');
    expect(reportFileName(titled('日報', '2026-11-02T00:00:00+01:00', '2026-11-03T00:00:00+01:00'), 'pdf')).toBe('report-2026-11-02.pdf');
    expect(reportFileName(titled('', 'soon', 'later'), 'pdf')).toBe('report.pdf');
  });

  it('keeps long titles short', () => {
    const name = reportFileName(titled('Downtime '.repeat(20), '2026-11-02T00:00:00+01:00', '2026-11-03T00:00:00+01:00'), 'csv');
    expect(name.length).toBeLessThanOrEqual(60 + '-2026-11-02.csv'.length);
    expect(name).toMatch(/^downtime(-downtime)*-2026-11-02\.csv$/);
  });
});
