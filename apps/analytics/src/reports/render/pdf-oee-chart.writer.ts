import { PDF_STYLE, chartHeading, contentBox } from './pdf-layout';
import { PdfText, type PdfTextStyle } from './pdf-text';
import { type ReportChartPoint } from './report-document';
import { type ReportValueFormatter } from './report-value-formatter';

export const OEE_CHART_TITLE = 'OEE by machine';
const CAPTION = 'Overall OEE per machine on a 0–100% axis. A bar beyond 100% is cut at the axis end and marked with a triangle; its label shows the true value.';

const FONT_SIZE = 8.5;
const MIN_ROW = 14;
const MAX_ROW = 26;
const VALUE_WIDTH = 52;
const MARKER_WIDTH = 8;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const LABEL: PdfTextStyle = { size: FONT_SIZE, color: PDF_STYLE.color.text };

/**
 * Horizontal bars of OEE per machine on a fixed 0–100 % axis (a fixed axis keeps machines and reports comparable).
 * A value above 100 % (a wrong ideal cycle time, usually) is drawn to the axis end with a marker and labelled with its
 * true value; a null gets no bar and "n/a". Many machines continue on further pages with the same scale.
 * Starts at the top of the current page.
 */
export function writeOeeChart(pdf: PDFKit.PDFDocument, points: ReportChartPoint[], formatter: ReportValueFormatter): void {
  const box = contentBox(pdf);
  const plotTopOffset = 44;
  const axisLabels = 16;
  const available = box.bottom - box.top - plotTopOffset - axisLabels;
  const perPage = Math.max(1, Math.floor(available / MIN_ROW));
  const rowHeight = Math.min(MAX_ROW, available / Math.max(1, Math.min(points.length, perPage)));

  const text = new PdfText(pdf);
  const labelWidth = Math.min(box.width * 0.3, Math.max(40, ...points.map((point) => text.width(point.label, LABEL))) + 8);
  const plotLeft = box.left + labelWidth;
  const plotWidth = box.width - labelWidth - MARKER_WIDTH - VALUE_WIDTH - 8;

  for (let start = 0; start === 0 || start < points.length; start += perPage) {
    if (start > 0) pdf.addPage();
    chartHeading(pdf, start === 0 ? OEE_CHART_TITLE : `${OEE_CHART_TITLE} (continued)`, CAPTION, box.left, box.top);
    const plotTop = box.top + plotTopOffset;
    const chunk = points.slice(start, start + perPage);
    const plotBottom = plotTop + Math.max(1, chunk.length) * rowHeight;
    axis(pdf, plotLeft, plotWidth, plotTop, plotBottom);
    if (chunk.length === 0) {
      pdf.font(PDF_STYLE.font).fontSize(FONT_SIZE).fillColor(PDF_STYLE.color.muted).text('No machines in this report.', plotLeft + 6, plotTop + rowHeight / 2 - 5, { lineBreak: false });
    }
    chunk.forEach((point, i) => {
      const middle = plotTop + i * rowHeight + rowHeight / 2;
      bar(pdf, text, point, { labelWidth, plotLeft, plotWidth, middle, rowHeight, left: box.left }, formatter);
    });
  }
  pdf.x = box.left;
  pdf.y = box.bottom;
}

function axis(pdf: PDFKit.PDFDocument, plotLeft: number, plotWidth: number, plotTop: number, plotBottom: number): void {
  pdf.lineWidth(0.5).strokeColor(PDF_STYLE.color.grid);
  for (const tick of TICKS) {
    const x = plotLeft + tick * plotWidth;
    pdf.moveTo(x, plotTop - 4).lineTo(x, plotBottom).stroke();
    pdf.font(PDF_STYLE.font).fontSize(7.5).fillColor(PDF_STYLE.color.muted).text(`${tick * 100}%`, x - 20, plotBottom + 4, { width: 40, align: 'center', lineBreak: false });
  }
  pdf.moveTo(plotLeft, plotTop - 4).lineTo(plotLeft, plotBottom).lineWidth(0.75).strokeColor(PDF_STYLE.color.axis).stroke();
}

interface Row {
  labelWidth: number;
  plotLeft: number;
  plotWidth: number;
  middle: number;
  rowHeight: number;
  left: number;
}

function bar(pdf: PDFKit.PDFDocument, text: PdfText, point: ReportChartPoint, row: Row, formatter: ReportValueFormatter): void {
  const textTop = row.middle - FONT_SIZE * 0.6;
  text.line(text.fit(point.label, row.labelWidth - 8, LABEL), row.left, textTop, LABEL, { width: row.labelWidth - 8, align: 'right' });

  const value = point.value !== null && Number.isFinite(point.value) ? point.value : null;
  const height = Math.min(row.rowHeight * 0.62, 16);
  const top = row.middle - height / 2;
  const plotRight = row.plotLeft + row.plotWidth;
  if (value !== null && value > 0) pdf.rect(row.plotLeft, top, Math.min(value, 1) * row.plotWidth, height).fill(PDF_STYLE.color.bar);
  if (value !== null && value > 1) {
    pdf.polygon([plotRight + 1, top], [plotRight + MARKER_WIDTH, row.middle], [plotRight + 1, top + height]).fill(PDF_STYLE.color.barBeyondScale);
  }
  pdf
    .font(value === null ? PDF_STYLE.font : PDF_STYLE.boldFont)
    .fontSize(FONT_SIZE)
    .fillColor(value === null ? PDF_STYLE.color.muted : PDF_STYLE.color.text)
    .text(formatter.ratio(value), plotRight + MARKER_WIDTH + 4, textTop, { width: VALUE_WIDTH, lineBreak: false });
}
