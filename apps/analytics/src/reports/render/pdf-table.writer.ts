import { PDF_STYLE, contentBox, fitLine } from './pdf-layout';
import { pdfSafeText } from './pdf-safe-text';
import { type ReportColumn, type ReportTable } from './report-document';
import { type ReportValueFormatter } from './report-value-formatter';

const FONT_SIZE = 8.5;
const PAD_X = 4;
const PAD_Y = 3;
/** A cell with more text than this is cut with "…": one row must never need more than a page. */
const MAX_ROW_HEIGHT = 96;
/** A text column is not squeezed below this while numbers have room. */
const MIN_TEXT_WIDTH = 70;
const MAX_STRETCH = 1.5;

interface Layout {
  widths: number[];
  align: ('left' | 'right')[];
}

/**
 * A table from the current position down, with its name above it, continued on as many pages as it needs: each new
 * page repeats the column header, and a row is never split across pages. Long text wraps inside its column.
 */
export function writePdfTable(pdf: PDFKit.PDFDocument, table: ReportTable, formatter: ReportValueFormatter): void {
  const box = contentBox(pdf);
  // A missing number reads "n/a"; a missing text (no note, no reason) is simply blank.
  const cells = table.rows.map((row) => table.columns.map((column) => (column.unit === 'text' && (row[column.key] ?? null) === null ? '' : pdfSafeText(formatter.cell(column.unit, row[column.key])))));
  const labels = table.columns.map((column) => pdfSafeText(column.label));
  const layout = layoutColumns(pdf, table.columns, labels, cells, box.width);
  const headerHeight = rowHeight(pdf, labels, layout, true);
  const heights = cells.map((row) => rowHeight(pdf, row, layout, false));

  // The name, the header and the first row stay together.
  const headingHeight = 20;
  let y = pdf.y;
  if (y + headingHeight + headerHeight + (heights[0] ?? 14) > box.bottom) y = newPage(pdf);
  heading(pdf, table.name, box.left, y);
  y += headingHeight;
  if (table.columns.length === 0) {
    pdf.y = y;
    return;
  }
  drawRow(pdf, labels, layout, box.left, y, headerHeight, true, false);
  y += headerHeight;

  if (cells.length === 0) {
    pdf.font(PDF_STYLE.font).fontSize(FONT_SIZE).fillColor(PDF_STYLE.color.muted).text('No rows for this period.', box.left + PAD_X, y + PAD_Y, { lineBreak: false });
    y += 14;
  }
  cells.forEach((row, i) => {
    if (y + heights[i] > box.bottom) {
      y = newPage(pdf);
      heading(pdf, `${table.name} (continued)`, box.left, y);
      y += headingHeight;
      drawRow(pdf, labels, layout, box.left, y, headerHeight, true, false);
      y += headerHeight;
    }
    drawRow(pdf, row, layout, box.left, y, heights[i], false, i % 2 === 1);
    y += heights[i];
  });
  pdf.x = box.left;
  pdf.y = y;
}

function newPage(pdf: PDFKit.PDFDocument): number {
  pdf.addPage();
  return contentBox(pdf).top;
}

function heading(pdf: PDFKit.PDFDocument, name: string, x: number, y: number): void {
  pdf.font(PDF_STYLE.boldFont).fontSize(11).fillColor(PDF_STYLE.color.text);
  pdf.text(fitLine(pdf, pdfSafeText(name), contentBox(pdf).width), x, y, { lineBreak: false });
}

/**
 * Numbers keep the width they need and text columns take what is left; when even that does not fit, every column
 * shrinks alike and its content wraps. Extra room is shared out, up to half again each column's width.
 */
function layoutColumns(pdf: PDFKit.PDFDocument, columns: ReportColumn[], labels: string[], cells: string[][], available: number): Layout {
  const align = columns.map((column) => (column.unit === 'ratio' || column.unit === 'seconds' || column.unit === 'count' ? 'right' : 'left'));
  const wanted: number[] = [];
  const least: number[] = [];
  columns.forEach((column, i) => {
    pdf.font(PDF_STYLE.boldFont).fontSize(FONT_SIZE);
    const label = pdf.widthOfString(labels[i]);
    const labelWord = Math.max(0, ...labels[i].split(/\s+/).map((word) => pdf.widthOfString(word)));
    pdf.font(PDF_STYLE.font).fontSize(FONT_SIZE);
    const content = Math.max(0, ...cells.map((row) => Math.max(...row[i].split('\n').map((line) => pdf.widthOfString(line)))));
    wanted.push(Math.max(label, content) + 2 * PAD_X + 1);
    least.push(Math.max(labelWord, column.unit === 'text' ? Math.min(content, MIN_TEXT_WIDTH) : content) + 2 * PAD_X + 1);
  });
  const sum = (list: number[]): number => list.reduce((a, b) => a + b, 0);
  const total = sum(wanted);
  // A narrow table grows somewhat for air, not across the whole page.
  if (total <= available) return { widths: wanted.map((w) => w * Math.min(MAX_STRETCH, available / total)), align };
  const slack = total - sum(least);
  const excess = total - available;
  if (slack >= excess) return { widths: wanted.map((w, i) => w - ((w - least[i]) * excess) / slack), align };
  const leastTotal = sum(least);
  return { widths: least.map((w) => (w * available) / leastTotal), align };
}

function rowHeight(pdf: PDFKit.PDFDocument, texts: string[], layout: Layout, header: boolean): number {
  pdf.font(header ? PDF_STYLE.boldFont : PDF_STYLE.font).fontSize(FONT_SIZE);
  const tallest = Math.max(pdf.currentLineHeight(true), ...texts.map((text, i) => pdf.heightOfString(text === '' ? ' ' : text, { width: layout.widths[i] - 2 * PAD_X })));
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(tallest + 2 * PAD_Y));
}

function drawRow(pdf: PDFKit.PDFDocument, texts: string[], layout: Layout, left: number, y: number, height: number, header: boolean, stripe: boolean): void {
  const width = layout.widths.reduce((a, b) => a + b, 0);
  if (header || stripe) pdf.rect(left, y, width, height).fill(header ? PDF_STYLE.color.headerFill : PDF_STYLE.color.stripe);
  if (header) {
    pdf.moveTo(left, y + height).lineTo(left + width, y + height).lineWidth(0.75).strokeColor(PDF_STYLE.color.axis).stroke();
  }
  pdf.font(header ? PDF_STYLE.boldFont : PDF_STYLE.font).fontSize(FONT_SIZE).fillColor(PDF_STYLE.color.text);
  let x = left;
  texts.forEach((text, i) => {
    pdf.text(text, x + PAD_X, y + PAD_Y, { width: layout.widths[i] - 2 * PAD_X, height: height - 2 * PAD_Y, align: layout.align[i], ellipsis: true });
    x += layout.widths[i];
  });
}
