import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type PdfWeight = 'regular' | 'bold';

/** The faces a report may use: DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, …) and Noto Sans SC for CJK. */
export type PdfFaceName = 'Sans' | 'Sans-Bold' | 'SansCJK' | 'SansCJK-Bold';

/** What the renderer needs of a fontkit font (pdfkit's font engine); fontkit ships no type declarations. */
export interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
}

interface FontkitModule {
  create(buffer: Buffer): FontkitFont;
}

interface FaceFile {
  /** An npm package that ships the font; resolved at run time, so the built service finds it as the sources do. */
  pkg: string;
  file: string;
}

// The condensed cut of DejaVu Sans: the same glyph coverage, narrower, so that wide tables keep their words whole.
const FILES: Record<PdfFaceName, FaceFile> = {
  Sans: { pkg: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSansCondensed.ttf' },
  'Sans-Bold': { pkg: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSansCondensed-Bold.ttf' },
  SansCJK: { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  'SansCJK-Bold': { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
};

const FACES: Record<PdfWeight, { primary: PdfFaceName; fallback: PdfFaceName }> = {
  regular: { primary: 'Sans', fallback: 'SansCJK' },
  bold: { primary: 'Sans-Bold', fallback: 'SansCJK-Bold' },
};

/** Shown for a character neither face has (an emoji, say); DejaVu has this glyph. */
export const MISSING_GLYPH = '\uFFFD';

// fontkit is pdfkit's own dependency: taken from where pdfkit finds it, so both use the same engine and version.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as FontkitModule;

/**
 * The report fonts, each read and parsed once per process on first use (Noto Sans SC is 10 MB; a report without CJK
 * text never loads it). pdfkit embeds only the glyphs a document uses (a subset), so the files' size does not reach
 * the PDF.
 */
export class PdfFonts {
  private static readonly loaded = new Map<PdfFaceName, FontkitFont>();
  private static readonly faces = new Map<string, PdfFaceName | null>();

  /** Baseline below the top of a line, in ems of the primary face (pdfkit's own convention for a line's top). */
  static get ascent(): number {
    const font = PdfFonts.face('Sans');
    return font.ascent / font.unitsPerEm;
  }

  /** A line's height in ems of the primary face, as pdfkit's currentLineHeight(). */
  static get lineHeight(): number {
    const font = PdfFonts.face('Sans');
    return (font.ascent - font.descent + font.lineGap) / font.unitsPerEm;
  }

  static face(name: PdfFaceName): FontkitFont {
    let font = PdfFonts.loaded.get(name);
    if (!font) {
      font = fontkit.create(readFileSync(PdfFonts.path(name)));
      PdfFonts.loaded.set(name, font);
    }
    return font;
  }

  /** The file of a face, found through its package rather than a path into the source tree. */
  static path(name: PdfFaceName): string {
    const { pkg, file } = FILES[name];
    return join(dirname(require.resolve(`${pkg}/package.json`)), file);
  }

  /** The face that draws a character: DejaVu Sans when it has the glyph, else Noto Sans SC when that has it. */
  static faceFor(codePoint: number, weight: PdfWeight): PdfFaceName | null {
    const key = `${weight}:${codePoint}`;
    let face = PdfFonts.faces.get(key);
    if (face === undefined) {
      const { primary, fallback } = FACES[weight];
      face = PdfFonts.face(primary).hasGlyphForCodePoint(codePoint) ? primary : PdfFonts.face(fallback).hasGlyphForCodePoint(codePoint) ? fallback : null;
      PdfFonts.faces.set(key, face);
    }
    return face;
  }

  static primary(weight: PdfWeight): PdfFaceName {
    return FACES[weight].primary;
  }
}
