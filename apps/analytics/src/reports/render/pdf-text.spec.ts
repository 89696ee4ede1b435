import PDFDocument from 'pdfkit';
import { PdfFonts } from './pdf-fonts';
import { PdfText } from './pdf-text';

const STYLE = { size: 8.5 };

describe(PdfText.name, () => {
  const pdf = new PDFDocument({ size: 'A4' });
  PdfText.prepare(pdf);
  const text = new PdfText(pdf);

  it('takes DejaVu Sans for Latin, Greek, Cyrillic and Hebrew and Noto Sans SC for CJK, by which has the glyph', () => {
    const faces = [...'čışΩжמ车号'].map((char) => PdfFonts.faceFor(char.codePointAt(0) ?? 0, 'regular'));
    expect(faces).toEqual(['Sans', 'Sans', 'Sans', 'Sans', 'Sans', 'Sans', 'SansCJK', 'SansCJK']);
    expect(PdfFonts.faceFor('车'.codePointAt(0) ?? 0, 'bold')).toBe('SansCJK-Bold');
  });

  it('keeps every character a face has and marks the rest, with line breaks as LF and tabs as spaces', () => {
    expect(PdfText.clean('Stops ≥ 10 min − Őrség 车床 🚀\r\na\tb\u202E')).toBe('Stops ≥ 10 min − Őrség 车床 �\na b');
  });

  it('wraps between words only, each line within the width', () => {
    const lines = text.wrap('Planned production time (h:mm:ss)', 60, STYLE);
    expect(lines.join(' ')).toBe('Planned production time (h:mm:ss)');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(text.width(line, STYLE)).toBeLessThanOrEqual(60);
  });

  it('cuts a word wider than the width with "…" rather than break it', () => {
    const [line, ...rest] = text.wrap('Werkzeugmaschinenbaugesellschaft', 40, STYLE);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^Werk.*…$/);
    expect(text.width(line, STYLE)).toBeLessThanOrEqual(40);
  });

  it('fits a line into a width with "…", and leaves one that fits alone', () => {
    expect(text.fit('M-104 车床 五号', 500, STYLE)).toBe('M-104 车床 五号');
    const cut = text.fit('M-104 车床 五号 und noch viel mehr Text', 60, STYLE);
    expect(cut.endsWith('…')).toBe(true);
    expect(text.width(cut, STYLE)).toBeLessThanOrEqual(60);
  });
});
