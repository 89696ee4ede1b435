import { PDF_STYLE, contentBox } from './pdf-layout';
import { PdfText, type PdfTextStyle } from './pdf-text';
import { type ReportColumn, type ReportTable } from './report-document';
import { type ReportValueFormatter } from './report-value-formatter';

const BODY: PdfTextStyle = { size: 8.5, weight: 'regular', color: PDF_STYLE.color.text };
const HEADER: PdfTextStyle = { ...BODY, weight: 'bold' };
const HEADING: PdfTextStyle = { size: 11, weight: 'bold', color: PDF_STYLE.color.text };
const PAD_X = 4;
const PAD_Y = 3;
const HEADING_HEIGHT = 20;
/** A cell with more lines than fit in this is cut with "…": one row must never need more than a page. */
const MAX_ROW_HEIGHT = 96;
/** A single word wider than this (a long name without spaces) is cut with "…" rather than widen its column more. */
const MAX_WORD_WIDTH = 150;
/** Text wraps between words beyond this width while other columns need the room. */
const MAX_TEXT_WIDTH = 220;
const MAX_STRETCH = 1.5;
/** A number's long header ("Planned production time (h:mm:ss)") wraps rather than widen its column beyond this. */
const MAX_HEADER_LINE = 80;
/** Leading text columns that identify a row (machine id and name), repeated in each part of a split table. */
const KEY_COLUMNS = 2;

interface Column {
  index: number;
  unit: ReportColumn['unit'];
  label: string;
  /** Narrowest width that breaks no word and wraps no number. */
  least: number;
  /** Width of the header and content on one line each (text capped at MAX_TEXT_WIDTH). */
  wanted: number;
}

interface Part {
  columns: Column[];
  widths: number[];
}

/**
 * A table from the current position down, with its name above it. Numbers, durations and times never wrap and a word
 * is never broken: header labels and text wrap between words only. A table too wide for the page is split into parts
 * that each fit, one after the other, each repeating the identifying columns (machine and name) so every row can be
 * read on its own. Each part continues on as many pages as it needs, repeating its header; a row is never split.
 */
export function writePdfTable(pdf: PDFKit.PDFDocument, table: ReportTable, formatter: ReportValueFormatter): void {
  const text = new PdfText(pdf);
  const box = contentBox(pdf);
  // A missing number reads "n/a"; a missing text (no note, no reason) is simply blank.
  const cells = table.rows.map((row) => table.columns.map((column) => (column.unit === 'text' && (row[column.key] ?? null) === null ? '' : formatter.cell(column.unit, row[column.key]))));
  const columns = table.columns.map((column, i) => measure(text, column, i, formatter.heading(column), cells));
  const parts = splitColumns(columns, box.width);

  parts.forEach((part, p) => {
    const name = parts.length > 1 ? `${table.name} (part ${p + 1} of ${parts.length})` : table.name;
    writePart(pdf, text, name, part, cells);
    if (p < parts.length - 1) pdf.y += 12;
  });
}

function measure(text: PdfText, column: ReportColumn, index: number, label: string, cells: string[][]): Column {
  const values = cells.map((row) => row[index]);
  const headerLeast = text.widestWord(label, HEADER);
  const headerWanted = text.width(label, HEADER);
  if (column.unit !== 'text') {
    // Numbers, durations and times stay on one line.
    const content = Math.max(0, ...values.map((value) => text.width(value, BODY)));
    const wanted = Math.max(content, headerLeast, Math.min(headerWanted, MAX_HEADER_LINE));
    return { index, unit: column.unit, label, least: Math.max(content, headerLeast) + 2 * PAD_X + 1, wanted: wanted + 2 * PAD_X + 1 };
  }
  const longestWord = Math.min(MAX_WORD_WIDTH, Math.max(0, ...values.map((value) => text.widestWord(value, BODY))));
  const longestLine = Math.min(MAX_TEXT_WIDTH, Math.max(0, ...values.flatMap((value) => value.split(/\r?\n/).map((line) => text.width(line, BODY)))));
  return { index, unit: column.unit, label, least: Math.max(longestWord, headerLeast) + 2 * PAD_X + 1, wanted: Math.max(longestLine, longestWord, headerWanted) + 2 * PAD_X + 1 };
}

/**
 * One part when every column fits at its least width; otherwise as few parts as will do, each starting with the key
 * columns, their widths balanced (the smallest page width that still needs no more parts).
 */
function splitColumns(columns: Column[], available: number): Part[] {
  const sum = (list: Column[], key: 'least' | 'wanted'): number => list.reduce((total, column) => total + column[key], 0);
  if (sum(columns, 'least') <= available || columns.length === 0) return [{ columns, widths: widths(columns, available) }];

  let keyCount = 0;
  while (keyCount < Math.min(KEY_COLUMNS, columns.length - 1) && columns[keyCount].unit === 'text') keyCount++;
  const keys = columns.slice(0, keyCount);
  const rest = columns.slice(keyCount);
  const pack = (capacity: number): Column[][] => {
    const groups: Column[][] = [];
    let current: Column[] = [];
    for (const column of rest) {
      if (current.length > 0 && sum(keys, 'least') + sum(current, 'least') + column.least > capacity) {
        groups.push(current);
        current = [];
      }
      current.push(column);
    }
    if (current.length > 0) groups.push(current);
    return groups;
  };
  const count = pack(available).length;
  let low = Math.max(...rest.map((column) => sum(keys, 'least') + column.least));
  let high = available;
  for (let i = 0; i < 24 && high - low > 1; i++) {
    const middle = (low + high) / 2;
    if (pack(middle).length <= count) high = middle;
    else low = middle;
  }
  return pack(high).map((group) => {
    const part = [...keys, ...group];
    return { columns: part, widths: widths(part, available) };
  });
}

/**
 * Every column at its wanted width when that fits, with extra room shared out up to half again each; otherwise each
 * gives up part of what it wants beyond its least width, alike. Below the least widths (a single column wider than the
 * page) everything shrinks in proportion and the content is cut with "…".
 */
function widths(columns: Column[], available: number): number[] {
  const wanted = columns.map((column) => column.wanted);
  const least = columns.map((column) => column.least);
  const total = wanted.reduce((a, b) => a + b, 0);
  if (total <= available) return wanted.map((w) => w * Math.min(MAX_STRETCH, available / total));
  const leastTotal = least.reduce((a, b) => a + b, 0);
  if (leastTotal > available) return least.map((w) => (w * available) / leastTotal);
  const slack = total - leastTotal;
  const excess = total - available;
  return wanted.map((w, i) => w - ((w - least[i]) * excess) / slack);
}

function writePart(pdf: PDFKit.PDFDocument, text: PdfText, name: string, part: Part, cells: string[][]): void {
  const box = contentBox(pdf);
  const labels = part.columns.map((column, i) => text.wrap(column.label, part.widths[i] - 2 * PAD_X, HEADER));
  const rows = cells.map((row) => part.columns.map((column, i) => cellLines(text, row[column.index], column, part.widths[i] - 2 * PAD_X)));
  const headerHeight = height(text, labels, HEADER);
  const heights = rows.map((row) => height(text, row, BODY));

  // The name, the header and the first row stay together.
  let y = pdf.y;
  if (y + HEADING_HEIGHT + headerHeight + (heights[0] ?? 14) > box.bottom) y = newPage(pdf);
  text.line(text.fit(name, box.width, HEADING), box.left, y, HEADING);
  y += HEADING_HEIGHT;
  if (part.columns.length === 0) {
    pdf.y = y;
    return;
  }
  drawRow(pdf, text, labels, part, box.left, y, headerHeight, 'header');
  y += headerHeight;

  if (rows.length === 0) {
    text.line('No rows for this period.', box.left + PAD_X, y + PAD_Y, { ...BODY, color: PDF_STYLE.color.muted });
    y += 14;
  }
  rows.forEach((row, i) => {
    if (y + heights[i] > box.bottom) {
      y = newPage(pdf);
      text.line(text.fit(`${name} (continued)`, box.width, HEADING), box.left, y, HEADING);
      y += HEADING_HEIGHT;
      drawRow(pdf, text, labels, part, box.left, y, headerHeight, 'header');
      y += headerHeight;
    }
    drawRow(pdf, text, row, part, box.left, y, heights[i], i % 2 === 1 ? 'stripe' : 'plain');
    y += heights[i];
  });
  pdf.x = box.left;
  pdf.y = y;
}

/** A number on one line (cut with "…" only if even its least width is not there); text wrapped between words. */
function cellLines(text: PdfText, value: string, column: Column, width: number): string[] {
  if (column.unit !== 'text') return [text.fit(value, width, BODY)];
  const lines = text.wrap(value, width, BODY);
  const most = Math.max(1, Math.floor((MAX_ROW_HEIGHT - 2 * PAD_Y) / text.lineHeight(BODY)));
  if (lines.length <= most) return lines;
  return [...lines.slice(0, most - 1), text.fit(`${lines[most - 1]}…`, width, BODY)];
}

function height(text: PdfText, cells: string[][], style: PdfTextStyle): number {
  const most = Math.max(1, ...cells.map((lines) => lines.length));
  return Math.ceil(most * text.lineHeight(style) + 2 * PAD_Y);
}

function newPage(pdf: PDFKit.PDFDocument): number {
  pdf.addPage();
  return contentBox(pdf).top;
}

function drawRow(pdf: PDFKit.PDFDocument, text: PdfText, cells: string[][], part: Part, left: number, y: number, rowHeight: number, kind: 'header' | 'stripe' | 'plain'): void {
  const width = part.widths.reduce((a, b) => a + b, 0);
  if (kind !== 'plain') pdf.rect(left, y, width, rowHeight).fill(kind === 'header' ? PDF_STYLE.color.headerFill : PDF_STYLE.color.stripe);
  if (kind === 'header') pdf.moveTo(left, y + rowHeight).lineTo(left + width, y + rowHeight).lineWidth(0.75).strokeColor(PDF_STYLE.color.axis).stroke();
  let x = left;
  cells.forEach((lines, i) => {
    const numeric = part.columns[i].unit === 'ratio' || part.columns[i].unit === 'seconds' || part.columns[i].unit === 'count';
    text.lines(lines, x + PAD_X, y + PAD_Y, kind === 'header' ? HEADER : BODY, { width: part.widths[i] - 2 * PAD_X, align: numeric ? 'right' : 'left' });
    x += part.widths[i];
  });
}
