import { bidiRuns } from './pdf-bidi';

/** The runs as drawn left to right, right-to-left ones shown reversed as the font engine draws them. */
function shown(line: string): string {
  return bidiRuns(line)
    .map((run) => (run.rtl ? [...run.text].reverse().join('') : run.text))
    .join('');
}

describe(bidiRuns.name, () => {
  it('leaves left-to-right text as it is, in one run', () => {
    expect(bidiRuns('Frézka Čížek 12:34:56 车床')).toEqual([{ text: 'Frézka Čížek 12:34:56 车床', rtl: false }]);
  });

  it('draws a Hebrew word reversed and keeps a number after it in its own order, left of it (UAX #9)', () => {
    expect(bidiRuns('מחרטה 12')).toEqual([
      { text: '12', rtl: false },
      { text: ' ', rtl: false },
      { text: 'מחרטה', rtl: true },
    ]);
    expect(shown('מחרטה 12')).toBe('12 הטרחמ');
  });

  it('orders the words of a Hebrew phrase right to left inside left-to-right text', () => {
    expect(shown('Lathe מחרטה גדולה 3')).toBe('Lathe 3 הלודג הטרחמ');
    expect(shown('מחרטה 12:34:56 ok')).toBe('ok 12:34:56 הטרחמ');
  });

  it('keeps numbers with their separators and units whole', () => {
    expect(shown('תקלה 1,234.5 ב-85%')).toBe('85%-ב 1,234.5 הלקת');
  });

  it('gives nothing for an empty line', () => {
    expect(bidiRuns('')).toEqual([]);
  });
});
