/**
 * Shared look of the PDF report: A4 landscape, DejaVu Sans (Condensed) embedded, with Noto Sans SC for CJK text (see
 * PdfText). Text that comes from the data goes through PdfText; fixed captions, numbers and axis labels may use these
 * faces directly, which PdfText.prepare registers under these names.
 */
export const PDF_STYLE = {
  margin: 36,
  /** Kept free above the bottom margin for the page footer. */
  footerSpace: 14,
  font: 'Sans',
  boldFont: 'Sans-Bold',
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

/** A chart's title and the one-line caption under it that says how to read the chart. */
export function chartHeading(pdf: PDFKit.PDFDocument, title: string, caption: string, x: number, y: number): void {
  pdf.font(PDF_STYLE.boldFont).fontSize(14).fillColor(PDF_STYLE.color.text).text(title, x, y, { lineBreak: false });
  pdf.font(PDF_STYLE.font).fontSize(8).fillColor(PDF_STYLE.color.muted).text(caption, x, y + 20, { lineBreak: false });
}
