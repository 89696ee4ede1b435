import { XlsxSheetNames } from './xlsx-sheet-names';

describe(XlsxSheetNames.name, () => {
  it('replaces the characters Excel refuses and keeps to 31 characters', () => {
    const name = new XlsxSheetNames().claim('Stops [M-001]: details / log*? of the whole day');
    expect(name).toBe('Stops -M-001-- details - log--');
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('makes names unique regardless of case, within the length limit', () => {
    const names = new XlsxSheetNames();
    const long = 'Downtime by reason and machine, all shifts';
    const claimed = ['Report', 'report', 'REPORT', long, long].map((wanted) => names.claim(wanted));
    expect(claimed).toEqual(['Report', 'report (2)', 'REPORT (3)', 'Downtime by reason and machine,', 'Downtime by reason and mach (2)']);
    expect(claimed.every((name) => name.length <= 31)).toBe(true);
  });

  it('never hands out an empty, apostrophe-framed or reserved name', () => {
    const names = new XlsxSheetNames();
    expect(names.claim('')).toBe('Table');
    expect(names.claim("'quoted'")).toBe('quoted');
    expect(names.claim('History')).toBe('History (2)');
    expect(names.claim('///')).toBe('---');
  });
});
