/** Shared look of the PDF report: A4 landscape, built-in Helvetica only (no font files to ship or embed). */
export const PDF_STYLE = {
  margin: 36,
  /** Kept free above the bottom margin for the page footer. */
  footerSpace: 14,
  font: 'Helvetica',
  boldFont: 'Helvetica-Bold',
  color: {
    text: '#1F2933',
    muted: '#6B7280',
    grid: '#D5DAE1',
    axis: '#6B7280',
    headerFill: '#E3E8EF',
    stripe: '#F4F6F9',
    bar: '#2F6DB5',
    barBeyondScale: '#173A66',
    line: '#D9822B',
    white: '#FFFFFF',
  },
} as const;

export interface PdfBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}

/** The area content may use on the current page (the footer's strip excluded). */
export function contentBox(pdf: PDFKit.PDFDocument): PdfBox {
  const left = PDF_STYLE.margin;
  const right = pdf.page.width - PDF_STYLE.margin;
  return { left, right, top: PDF_STYLE.margin, bottom: pdf.page.height - PDF_STYLE.margin - PDF_STYLE.footerSpace, width: right - left };
}

/** One line of text cut with "…" to fit a width in the current font, so that labels never wrap or overflow. */
export function fitLine(pdf: PDFKit.PDFDocument, text: string, width: number): string {
  const line = text.replace(/\n/g, ' ');
  if (pdf.widthOfString(line) <= width) return line;
  let cut = line;
  while (cut.length > 0 && pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return cut.length > 0 ? `${cut.trimEnd()}…` : '';
}
