import { PARETO_CHART_TITLE } from './pdf-pareto-chart.writer';
import { OEE_CHART_TITLE } from './pdf-oee-chart.writer';
import { renderPdf } from './pdf-report.renderer';
import { flat, readPdf, type PdfContent } from './pdf-text.spec-helper';
import { manyMachinesReport, shopDayReport } from './report-document.spec-helper';

// Reading a PDF starts a node process; a few seconds each on a busy machine.
jest.setTimeout(60_000);

/** The first page with a line that is exactly `line` (a heading) or, when `partial`, contains it. */
function pageWith(content: PdfContent, line: string, partial = false): number {
  const index = content.pages.findIndex((page) => page.split('\n').some((l) => (partial ? l.includes(line) : l === line)));
  if (index < 0) throw new Error(`no page has the line ${JSON.stringify(line)}`);
  return index;
}

describe(renderPdf.name, () => {
  const doc = shopDayReport();
  let body: Buffer;
  let content: PdfContent;

  beforeAll(async () => {
    body = await renderPdf(doc);
    content = await readPdf(body);
  });

  it('is a PDF with the document info taken from the report', () => {
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(content.info).toMatchObject({ Title: 'OEE daily', Creator: 'Shopfloor Analytics', CreationDate: 'D:20261103051500Z' });
  });

  it('opens with the title, the period in the report zone and the zone', () => {
    const first = content.pages[0];
    expect(first.split('\n')[0]).toBe('OEE daily');
    expect(first).toContain('Period: 2026-11-02 00:00 – 2026-11-03 00:00 (Europe/Berlin)');
    expect(first).toContain('Generated: 2026-11-03 06:15 (Europe/Berlin)');
  });

  it('lists every machine in the main table with its ratios as percent', () => {
    const table = flat(content.pages[0]);
    const expected = [
      'M-001 Hermle C42 91.2% 87.7% 99.3% 74.8%',
      'M-002 DMG MORI "NLX 2500", Halle 2 80.0% 90.0% 100.0% 72.0%',
      'M-003 Drehzentrum Süd 65.5% 81.2% 98.8% 52.6%',
      'M-004 Mazak Integrex i-200 97.0% 95.0% 99.9% 92.1%',
      'M-005 Okuma LB3000 70.0% 60.0% 95.0% 39.9%',
      'M-006 Haas VF-2 88.0% 91.0% 97.0% 77.7%',
      'M-007 Index C100 99.0% 104.3% 98.9% 102.1%',
      'M-008 Spinner TC 600 n/a n/a n/a n/a',
    ];
    for (const row of expected) expect(table).toContain(row);
  });

  it('shows durations as h:mm:ss, counts with thousands separators and times in the report zone', () => {
    const table = flat(content.pages[0]);
    // 5054.75 s → 1:24:15; 14:02 UTC is 15:02 in Berlin.
    expect(table).toContain('16:00:00 1:24:15 1,234 77.13 2026-11-02 09:14:03');
    expect(table).toContain('16:00:00 3:12:00 860 53.75 2026-11-02 15:02:00 =SUM(A1)');
    expect(table).toContain('24:00:00 0:43:12 2,048 85.33 2026-11-02 23:59:59');
    expect(table).toContain('0:09:36 9,876 617.25');
  });

  it('draws the OEE chart with every machine, true values above 100 % and n/a for a null', () => {
    const lines = content.pages[pageWith(content, OEE_CHART_TITLE)].split('\n');
    expect(lines).toEqual(expect.arrayContaining(['0% 25% 50% 75% 100%', 'M-001 Hermle C42 74.8%', 'M-007 Index C100 102.1%', 'M-008 Spinner TC 600 n/a']));
    for (const point of doc.charts.oee_by_machine) expect(lines.some((line) => line.startsWith(point.label))).toBe(true);
  });

  it('draws the downtime Pareto with its reasons, durations and cumulative shares', () => {
    const page = content.pages[pageWith(content, PARETO_CHART_TITLE)];
    for (const reason of ['SPINDLE', 'TOOL_BREAK', 'NO_MATERIAL', 'SETUP_OVERRUN', 'NO_OPERATOR', 'OTHER']) expect(page).toContain(reason);
    for (const text of ['3:34:00', '2:01:01', '41.4%', '64.8%', '100.0%', '4:00:00', '0:00:00']) expect(page).toContain(text);
  });

  it('puts the charts after the main table and the other tables after the charts', () => {
    const oee = pageWith(content, OEE_CHART_TITLE);
    const pareto = pageWith(content, PARETO_CHART_TITLE);
    const reasons = pageWith(content, 'Downtime by reason');
    expect(pageWith(content, 'M-008 Spinner TC 600', true)).toBeLessThan(oee);
    expect(oee).toBeLessThan(pareto);
    expect(pareto).toBeLessThan(reasons);
    expect(flat(content.pages[reasons])).toContain('SPINDLE 14 3:34:00 41.4%');
    expect(flat(content.pages[reasons])).toContain('M-001 2026-11-02 09:14:03 0:54:14 TOOL_BREAK');
  });

  it('numbers its pages', () => {
    content.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${content.pages.length}`));
  });

  it('gives the same bytes for the same document', async () => {
    expect((await renderPdf(shopDayReport())).equals(body)).toBe(true);
  });

  it('shows "n/a" in the chart for a null value even when the table has none', async () => {
    const clean = shopDayReport();
    clean.tables = [];
    clean.charts.oee_by_machine = [{ label: 'M-042 Grob G350', value: null }];
    const read = await readPdf(await renderPdf(clean));
    expect(read.pages.join('\n')).toContain('M-042 Grob G350 n/a');
  });

  it('prints any character its fonts have and marks the rest, instead of printing garbage', async () => {
    const read = await readPdf(await renderPdf({ ...shopDayReport(), title: 'Stops ≥ 10 min − Őrség 车床 🚀' }));
    expect(read.pages[0].split('\n')[0]).toBe('Stops ≥ 10 min − Őrség 车床 �');
    // The document info is Unicode and keeps the title as written.
    expect(read.info.Title).toBe('Stops ≥ 10 min − Őrség 车床 🚀');
  });

  it('embeds DejaVu Sans only, without the CJK font, when no text needs it', () => {
    const raw = body.toString('latin1');
    expect(raw).toContain('DejaVuSansCondensed');
    expect(raw).not.toContain('NotoSansSC');
    expect(raw).not.toContain('/Helvetica');
  });

  it('paginates a long table, repeating the header on each page and never losing or splitting a row', async () => {
    const long = manyMachinesReport(200);
    const read = await readPdf(await renderPdf(long));
    expect(read.pages.length).toBeGreaterThan(1);
    const tablePages = read.pages.slice(0, pageWith(read, OEE_CHART_TITLE));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page).toContain('Machine Name Availability Performance Quality OEE');
    const ids = tablePages.flatMap((page) => page.match(/^M-\d{3} /gm) ?? []).map((id) => id.trim());
    expect(ids).toEqual(long.tables[0].rows.map((row) => row.machine_id));
    expect(flat(tablePages[tablePages.length - 1])).toContain('M-200 Hermle C39 90.0% 85.0% 99.0% 87.0%');
  });

  it('continues the OEE chart on further pages when the machines do not fit one', async () => {
    const read = await readPdf(await renderPdf(manyMachinesReport(200)));
    const chartPages = read.pages.filter((page) => page.includes(OEE_CHART_TITLE));
    expect(chartPages.length).toBeGreaterThan(1);
    const labels = chartPages.flatMap((page) => page.match(/^M-\d{3} Hermle C\d+ [\d.]+%$/gm) ?? []);
    expect(labels).toHaveLength(200);
  });

  it('refuses a document whose zone is unknown or whose generation time is unreadable', async () => {
    await expect(renderPdf({ ...doc, timezone: 'Mars/Olympus_Mons' })).rejects.toThrow(RangeError);
    await expect(renderPdf({ ...doc, generated_at: 'this morning' })).rejects.toThrow(RangeError);
  });
});
