import PDFDocument from 'pdfkit';
import { PDF_STYLE, contentBox } from './pdf-layout';
import { writeOeeChart } from './pdf-oee-chart.writer';
import { writeParetoChart } from './pdf-pareto-chart.writer';
import { PdfText } from './pdf-text';
import { writePdfTable } from './pdf-table.writer';
import { type ReportDocument } from './report-document';
import { ReportValueFormatter } from './report-value-formatter';

export const PDF_CREATOR = 'Shopfloor Analytics';

/**
 * The report as an A4 landscape PDF for people: title, period and zone, the main table, the OEE bar chart, the
 * downtime Pareto, then the other tables, every page numbered. Times are wall times in the report zone, numbers are
 * formatted en-US (74.8%, 1:02:05, 12,345). Text is set in embedded DejaVu Sans, CJK in Noto Sans SC (see PdfText),
 * so names print in their own script. The document info carries generated_at as its creation date and nothing
 * depends on the clock, so the same document gives the same bytes.
 */
export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const formatter = new ReportValueFormatter(doc.timezone);
  const generatedAt = new Date(doc.generated_at);
  if (Number.isNaN(generatedAt.getTime())) throw new RangeError(`generated_at is not an ISO 8601 time: "${doc.generated_at}"`);

  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // pdfkit starts a new page by itself when text reaches its bottom margin; ours is enforced by the writers, and
    // the small one here leaves room for the footer.
    margins: { top: PDF_STYLE.margin, left: PDF_STYLE.margin, right: PDF_STYLE.margin, bottom: 8 },
    bufferPages: true,
    info: { Title: doc.title, Creator: PDF_CREATOR, CreationDate: generatedAt },
  });
  const body = collect(pdf);
  PdfText.prepare(pdf);

  titleBlock(pdf, doc, formatter);
  const [main, ...others] = doc.tables;
  if (main) writePdfTable(pdf, main, formatter);
  else pdf.font(PDF_STYLE.font).fontSize(10).fillColor(PDF_STYLE.color.muted).text('This report has no tables.', { lineBreak: false });
  pdf.addPage();
  writeOeeChart(pdf, doc.charts.oee_by_machine, formatter);
  pdf.addPage();
  writeParetoChart(pdf, doc.charts.downtime_pareto, formatter);
  if (others.length > 0) {
    pdf.addPage();
    for (const table of others) {
      writePdfTable(pdf, table, formatter);
      pdf.y += 18;
    }
  }
  footers(pdf, doc.title);
  pdf.end();
  return body;
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

function titleBlock(pdf: PDFKit.PDFDocument, doc: ReportDocument, formatter: ReportValueFormatter): void {
  const box = contentBox(pdf);
  const text = new PdfText(pdf);
  const title = { size: 18, weight: 'bold', color: PDF_STYLE.color.text } as const;
  text.line(text.fit(doc.title, box.width, title), box.left, box.top, title);
  const zone = doc.timezone;
  const period = { size: 10, color: PDF_STYLE.color.text };
  text.line(text.fit(`Period: ${formatter.instant(doc.period.from, 'minute')} – ${formatter.instant(doc.period.to, 'minute')} (${zone})`, box.width, period), box.left, box.top + 26, period);
  const generated = { size: 8.5, color: PDF_STYLE.color.muted };
  text.line(text.fit(`Generated: ${formatter.instant(doc.generated_at, 'minute')} (${zone}). Times are shown in ${zone}.`, box.width, generated), box.left, box.top + 41, generated);
  pdf.x = box.left;
  pdf.y = box.top + 66;
}

/** Drawn last, when the page count is known. */
function footers(pdf: PDFKit.PDFDocument, title: string): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const box = contentBox(pdf);
    const y = pdf.page.height - PDF_STYLE.margin - 4;
    pdf.moveTo(box.left, y - 5).lineTo(box.right, y - 5).lineWidth(0.5).strokeColor(PDF_STYLE.color.grid).stroke();
    const style = { size: 7.5, color: PDF_STYLE.color.muted };
    const text = new PdfText(pdf);
    text.line(text.fit(`${PDF_CREATOR} · ${title}`, box.width - 100, style), box.left, y, style);
    pdf.font(PDF_STYLE.font).fontSize(7.5).fillColor(PDF_STYLE.color.muted);
    pdf.text(`Page ${i - start + 1} of ${count}`, box.right - 100, y, { width: 100, align: 'right', lineBreak: false });
  }
}
