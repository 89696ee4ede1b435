import { fileNameOf, reportCell, reportHeading } from './report-format';

describe('report values as the PDF prints them', () => {
  it('prints ratios, durations and counts like the PDF', () => {
    expect(reportCell('ratio', 0.747937, 'UTC')).toBe('74.8%');
    expect(reportCell('seconds', 191_400, 'UTC')).toBe('53:10:00');
    expect(reportCell('seconds', -59.6, 'UTC')).toBe('-0:01:00');
    expect(reportCell('seconds', 0.2, 'UTC')).toBe('0:00:00');
    expect(reportCell('count', 150.05850916, 'UTC')).toBe('150.06');
    expect(reportCell('count', 12_345, 'UTC')).toBe('12,345');
    expect(reportCell('text', 'Fräse 3 — 铣床', 'UTC')).toBe('Fräse 3 — 铣床');
  });

  it('says n/a for no value, never 0', () => {
    expect([reportCell('ratio', null, 'UTC'), reportCell('seconds', undefined, 'UTC'), reportCell('count', Number.NaN, 'UTC')]).toEqual(['n/a', 'n/a', 'n/a']);
  });

  it('prints times as wall time of the report zone', () => {
    expect(reportCell('datetime', '2026-11-02T05:00:00Z', 'Europe/Berlin')).toBe('2026-11-02 06:00:00');
    expect(reportCell('datetime', 'not a time', 'Europe/Berlin')).toBe('not a time');
  });

  it('heads durations by the form they are printed in', () => {
    expect(reportHeading('MTBF (s)', 'seconds')).toBe('MTBF (h:mm:ss)');
    expect(reportHeading('OEE', 'ratio')).toBe('OEE');
  });

  it('reads the file name of a download', () => {
    expect(fileNameOf(`attachment; filename="oee-daily-2026-12-04.pdf"; filename*=UTF-8''oee-daily-2026-12-04.pdf`, 'x')).toBe('oee-daily-2026-12-04.pdf');
    expect(fileNameOf(`attachment; filename*=UTF-8''%C3%BCbersicht.csv`, 'x')).toBe('übersicht.csv');
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A.csv; filename="plain.csv"`, 'x')).toBe('plain.csv');
    expect(fileNameOf(null, 'report.csv')).toBe('report.csv');
  });
});
