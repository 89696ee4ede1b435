import { bidiRuns } from './pdf-bidi';
import { MISSING_GLYPH, PdfFonts, type PdfFaceName, type PdfWeight } from './pdf-fonts';

export interface PdfTextStyle {
  size: number;
  weight?: PdfWeight;
  color?: string;
}

export interface PdfLineOptions {
  /** The box the line is aligned in; the text is expected to fit it (see `fit`). */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/** Control characters (a tab becomes a space, a line break stays) and explicit bidi marks, which the layout replaces. */
const DROPPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ELLIPSIS = '…';

interface Run {
  text: string;
  face: PdfFaceName;
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<PdfFaceName>>();
const widths = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

/**
 * Text of any script on a pdfkit page. pdfkit draws one font per call and has no font fallback or bidi, so this picks
 * the face per run of characters (DejaVu Sans, else Noto Sans SC for CJK, else "�"), orders right-to-left runs for
 * display (see `bidiRuns`) and draws the runs one by one on a common baseline. Lines wrap between words only, never
 * inside one: a word too long for its width is cut with "…".
 */
export class PdfText {
  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  /** Registers the faces a document uses at once; the CJK faces are registered when a text first needs them. */
  static prepare(pdf: PDFKit.PDFDocument): void {
    const text = new PdfText(pdf);
    text.use(PdfFonts.primary('bold'));
    text.use(PdfFonts.primary('regular'));
  }

  /** Text as the report shows it: line breaks as LF, tabs as spaces, characters no face has as "�". */
  static clean(text: string): string {
    let out = '';
    for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(DROPPED, '')) {
      out += char === '\n' || PdfFonts.faceFor(char.codePointAt(0) ?? 0, 'regular') !== null ? char : MISSING_GLYPH;
    }
    return out;
  }

  lineHeight(style: PdfTextStyle): number {
    return style.size * PdfFonts.lineHeight;
  }

  /** The width of one line of text. */
  width(text: string, style: PdfTextStyle): number {
    // Layout measures the same labels and values many times over; the cache lives as long as the document.
    let cache = widths.get(this.pdf);
    if (!cache) {
      cache = new Map();
      widths.set(this.pdf, cache);
    }
    const key = `${style.weight ?? 'regular'}|${style.size}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      width = this.runs(PdfText.clean(text).replace(/\n/g, ' '), style).reduce((sum, run) => sum + this.runWidth(run, style), 0);
      cache.set(key, width);
    }
    return width;
  }

  /** One line cut with "…" to fit a width, so that a label never wraps or overflows. */
  fit(text: string, width: number, style: PdfTextStyle): string {
    const line = PdfText.clean(text).replace(/\n/g, ' ');
    if (this.width(line, style) <= width) return line;
    const chars = [...line];
    const cut = (keep: number): string => `${chars.slice(0, keep).join('').trimEnd()}${ELLIPSIS}`;
    // The longest prefix that fits with "…", by bisection: widths grow with the prefix.
    let low = 0;
    let high = chars.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.width(cut(middle), style) <= width) low = middle;
      else high = middle - 1;
    }
    return low > 0 ? cut(low) : '';
  }

  /** Lines of a text within a width: its own line breaks kept, further breaks only between words. */
  wrap(text: string, width: number, style: PdfTextStyle): string[] {
    const lines: string[] = [];
    const space = this.width(' ', style);
    for (const paragraph of PdfText.clean(text).split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ').filter((w) => w !== '')) {
        const wordWidth = this.width(word, style);
        if (line !== '' && lineWidth + space + wordWidth <= width) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line !== '') lines.push(line);
        line = wordWidth <= width ? word : this.fit(word, width, style);
        lineWidth = Math.min(wordWidth, width);
      }
      lines.push(line);
    }
    return lines;
  }

  /** The widest word of a text: a column narrower than this would have to break a word. */
  widestWord(text: string, style: PdfTextStyle): number {
    return Math.max(0, ...PdfText.clean(text).split(/\s+/).map((word) => this.width(word, style)));
  }

  /** One line with its top at y. */
  line(text: string, x: number, y: number, style: PdfTextStyle, options: PdfLineOptions = {}): void {
    const clean = PdfText.clean(text).replace(/\n/g, ' ');
    const total = this.width(clean, style);
    let left = x;
    if (options.width !== undefined && options.align === 'right') left = x + options.width - total;
    if (options.width !== undefined && options.align === 'center') left = x + (options.width - total) / 2;
    const baseline = y + style.size * PdfFonts.ascent;
    this.pdf.fillColor(style.color ?? '#000000');
    for (const piece of bidiRuns(clean)) {
      for (const run of this.runs(piece.text, style)) {
        const width = this.runWidth(run, style);
        if (run.text.trim() !== '') this.pdf.text(run.text, left, baseline, { lineBreak: false, baseline: 'alphabetic' });
        left += width;
      }
    }
  }

  /** A multi-line text (from `wrap`), one line under the other. */
  lines(lines: string[], x: number, y: number, style: PdfTextStyle, options: PdfLineOptions = {}): void {
    lines.forEach((text, i) => this.line(text, x, y + i * this.lineHeight(style), style, options));
  }

  /** Consecutive characters of one face; font selection is by which face has the glyphs. */
  private runs(text: string, style: PdfTextStyle): Run[] {
    const weight = style.weight ?? 'regular';
    const runs: Run[] = [];
    for (const char of text) {
      // A space takes the face of the text around it, so a run of CJK words stays one run.
      const face = char === ' ' && runs.length > 0 ? runs[runs.length - 1].face : (PdfFonts.faceFor(char.codePointAt(0) ?? 0, weight) ?? PdfFonts.primary(weight));
      const last = runs[runs.length - 1];
      if (last?.face === face) last.text += char;
      else runs.push({ text: char, face });
    }
    return runs;
  }

  private runWidth(run: Run, style: PdfTextStyle): number {
    this.use(run.face);
    return this.pdf.fontSize(style.size).widthOfString(run.text);
  }

  /** Selects a face, registering it with this document first; pdfkit embeds a face only once it is selected. */
  private use(face: PdfFaceName): void {
    let faces = registered.get(this.pdf);
    if (!faces) {
      faces = new Set();
      registered.set(this.pdf, faces);
    }
    if (!faces.has(face)) {
      // pdfkit takes a parsed fontkit font as a source (PDFFontFactory.open), so each face is parsed once per process
      // rather than once per report; its type declarations list only paths and buffers.
      this.pdf.registerFont(face, PdfFonts.face(face) as unknown as PDFKit.Mixins.PDFFontSource);
      faces.add(face);
    }
    this.pdf.font(face);
  }
}
