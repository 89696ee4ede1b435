import { PDF_STYLE, chartHeading, contentBox } from './pdf-layout';
import { PdfText, type PdfTextStyle } from './pdf-text';
import { type ReportParetoPoint } from './report-document';
import { type ReportValueFormatter } from './report-value-formatter';

export const PARETO_CHART_TITLE = 'Downtime Pareto';

const LEFT_AXIS = 56;
const RIGHT_AXIS = 40;
const LABEL_AREA = 84;
const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Steps a duration axis may use, in seconds; beyond a day, whole days times 1, 2 or 5 × 10^n. */
const DURATION_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/**
 * Downtime by reason: bars of duration in the order given (the document sorts them) on a duration axis (left, h:mm:ss),
 * and the cumulative share of all downtime as a line on its own 0–100 % axis (right). A null share leaves a gap in the
 * line. Starts at the top of the current page and fills it.
 */
export function writeParetoChart(pdf: PDFKit.PDFDocument, points: ReportParetoPoint[], formatter: ReportValueFormatter): void {
  const box = contentBox(pdf);
  header(pdf, box.left, box.top, box.right);
  const plot = { left: box.left + LEFT_AXIS, right: box.right - RIGHT_AXIS, top: box.top + 60, bottom: box.bottom - LABEL_AREA };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;

  const durations = points.map((point) => (Number.isFinite(point.duration) ? Math.max(0, point.duration) : 0));
  const step = durationStep(Math.max(0, ...durations) / 5);
  const top = Math.max(step, Math.ceil(Math.max(0, ...durations) / step) * step);
  const yOfDuration = (d: number): number => plot.bottom - (Math.min(d, top) / top) * plotHeight;
  const yOfShare = (s: number): number => plot.bottom - Math.min(1, Math.max(0, s)) * plotHeight;

  // Duration grid and axis (left).
  pdf.lineWidth(0.5).strokeColor(PDF_STYLE.color.grid);
  for (let tick = 0; tick <= top + step / 2; tick += step) {
    const y = yOfDuration(tick);
    pdf.moveTo(plot.left, y).lineTo(plot.right, y).stroke();
    pdf.font(PDF_STYLE.font).fontSize(7.5).fillColor(PDF_STYLE.color.muted).text(formatter.seconds(tick), box.left, y - 4, { width: LEFT_AXIS - 6, align: 'right', lineBreak: false });
  }
  // Share axis (right).
  pdf.moveTo(plot.right, plot.top).lineTo(plot.right, plot.bottom).lineWidth(0.75).strokeColor(PDF_STYLE.color.line).stroke();
  for (const tick of SHARE_TICKS) {
    const y = yOfShare(tick);
    pdf.moveTo(plot.right, y).lineTo(plot.right + 3, y).lineWidth(0.75).strokeColor(PDF_STYLE.color.line).stroke();
    pdf.font(PDF_STYLE.font).fontSize(7.5).fillColor(PDF_STYLE.color.line).text(`${tick * 100}%`, plot.right + 6, y - 4, { width: RIGHT_AXIS - 6, lineBreak: false });
  }
  pdf.moveTo(plot.left, plot.top).lineTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom).lineWidth(0.75).strokeColor(PDF_STYLE.color.axis).stroke();

  if (points.length === 0) {
    pdf.font(PDF_STYLE.font).fontSize(8.5).fillColor(PDF_STYLE.color.muted).text('No downtime in this period.', plot.left + 8, plot.top + 8, { lineBreak: false });
    pdf.x = box.left;
    pdf.y = box.bottom;
    return;
  }

  const slot = plotWidth / points.length;
  const barWidth = Math.min(slot * 0.7, 64);
  const centre = (i: number): number => plot.left + i * slot + slot / 2;

  pdf.font(PDF_STYLE.font).fontSize(7);
  durations.forEach((duration, i) => {
    const y = yOfDuration(duration);
    if (duration > 0) pdf.rect(centre(i) - barWidth / 2, y, barWidth, plot.bottom - y).fill(PDF_STYLE.color.bar);
    const text = formatter.seconds(Number.isFinite(points[i].duration) ? points[i].duration : null);
    const width = pdf.widthOfString(text);
    // Inside the bar's top when it fits there, clear of the share labels; above a short bar; left out when too narrow.
    if (plot.bottom - y >= 14 && width <= barWidth - 2) {
      pdf.fillColor(PDF_STYLE.color.white).text(text, centre(i) - slot / 2, y + 3, { width: slot, align: 'center', lineBreak: false });
    } else if (plot.bottom - y < 14 && width <= slot - 2) {
      pdf.fillColor(PDF_STYLE.color.text).text(text, centre(i) - slot / 2, y - 9, { width: slot, align: 'center', lineBreak: false });
    }
  });

  shareLine(pdf, points, centre, yOfShare, slot, formatter);
  reasonLabels(pdf, points, centre, plot.bottom, slot);
  pdf.x = box.left;
  pdf.y = box.bottom;
}

function header(pdf: PDFKit.PDFDocument, left: number, top: number, right: number): void {
  chartHeading(pdf, PARETO_CHART_TITLE, 'Downtime by reason (bars, left axis h:mm:ss) and the cumulative share of all downtime (line, right axis 0–100%).', left, top);
  // Legend.
  const y = top + 36;
  pdf.rect(right - 220, y, 10, 8).fill(PDF_STYLE.color.bar);
  pdf.font(PDF_STYLE.font).fontSize(8).fillColor(PDF_STYLE.color.text).text('Duration', right - 206, y, { lineBreak: false });
  pdf.moveTo(right - 130, y + 4).lineTo(right - 116, y + 4).lineWidth(1.5).strokeColor(PDF_STYLE.color.line).stroke();
  pdf.circle(right - 123, y + 4, 2.2).fill(PDF_STYLE.color.line);
  pdf.fillColor(PDF_STYLE.color.text).text('Cumulative share', right - 110, y, { lineBreak: false });
}

function shareLine(pdf: PDFKit.PDFDocument, points: ReportParetoPoint[], centre: (i: number) => number, yOf: (s: number) => number, slot: number, formatter: ReportValueFormatter): void {
  const share = (i: number): number | null => {
    const value = points[i].cumulative_share;
    return value !== null && Number.isFinite(value) ? value : null;
  };
  pdf.lineWidth(1.5).strokeColor(PDF_STYLE.color.line);
  for (let i = 1; i < points.length; i++) {
    const previous = share(i - 1);
    const current = share(i);
    if (previous !== null && current !== null) pdf.moveTo(centre(i - 1), yOf(previous)).lineTo(centre(i), yOf(current)).stroke();
  }
  pdf.font(PDF_STYLE.font).fontSize(7);
  points.forEach((_, i) => {
    const value = share(i);
    if (value === null) return;
    pdf.circle(centre(i), yOf(value), 2.2).fill(PDF_STYLE.color.line);
    const text = formatter.ratio(value);
    if (pdf.widthOfString(text) <= slot - 2) pdf.fillColor(PDF_STYLE.color.line).text(text, centre(i) - slot / 2, yOf(value) - 11, { width: slot, align: 'center', lineBreak: false });
  });
}

/** Under each bar; turned by 45° when any does not fit its slot, so long reason codes stay readable. */
function reasonLabels(pdf: PDFKit.PDFDocument, points: ReportParetoPoint[], centre: (i: number) => number, bottom: number, slot: number): void {
  const text = new PdfText(pdf);
  const style: PdfTextStyle = { size: 7.5, color: PDF_STYLE.color.text };
  const turned = points.some((point) => text.width(point.label, style) > slot - 4);
  const length = (LABEL_AREA - 10) * Math.SQRT2;
  points.forEach(({ label }, i) => {
    if (!turned) {
      text.line(label, centre(i) - slot / 2, bottom + 5, style, { width: slot, align: 'center' });
      return;
    }
    const x = centre(i);
    const y = bottom + 5;
    pdf.save();
    pdf.rotate(-45, { origin: [x, y] });
    text.line(text.fit(label, length, style), x - length, y - 3, style, { width: length, align: 'right' });
    pdf.restore();
  });
}

function durationStep(rough: number): number {
  const listed = DURATION_STEPS.find((step) => step >= rough);
  if (listed !== undefined) return listed;
  const days = rough / 86_400;
  const magnitude = 10 ** Math.floor(Math.log10(days));
  const factor = [1, 2, 5, 10].find((f) => f * magnitude >= days) ?? 10;
  return factor * magnitude * 86_400;
}
