/**
 * Characters outside Latin-1 that the PDF standard fonts can still show: pdfkit writes Helvetica in WinAnsiEncoding
 * (PDF 32000-1 Annex D.2), whose 0x80–0x9F range holds these.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Common characters without a WinAnsi glyph, spelled so a reader still gets them. */
const SUBSTITUTES: Record<string, string> = {
  '\t': ' ',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u2007': ' ',
};

/**
 * Text made safe for pdfkit's built-in fonts: pdfkit writes any other character as raw UTF-16 code units, which shows
 * as garbage ("≥" comes out as '"e'). Accents outside Latin-1 are dropped ("ő" → "o"), the rest becomes "?".
 * Line feeds are kept; they break lines inside a table cell.
 */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    if (isWinAnsi(char) || char === '\n') out += char;
    else if (char in SUBSTITUTES) out += SUBSTITUTES[char];
    else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}
