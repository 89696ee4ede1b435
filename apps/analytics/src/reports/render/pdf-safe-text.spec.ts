import { pdfSafeText } from './pdf-safe-text';

describe(pdfSafeText.name, () => {
  it('keeps Latin-1 and the WinAnsi extras', () => {
    expect(pdfSafeText('Drehzentrum Süd – 5 € … „ok“ ß')).toBe('Drehzentrum Süd – 5 € … „ok“ ß');
  });

  it('spells or simplifies what Helvetica cannot show, and marks the rest', () => {
    expect(pdfSafeText('≥ 10 − 2 → Őrség 🚀 日')).toBe('>= 10 - 2 -> Orség ? ?');
  });

  it('keeps line breaks as LF and turns tabs into spaces', () => {
    expect(pdfSafeText('a\r\nb\rc\td')).toBe('a\nb\nc d');
  });
});
