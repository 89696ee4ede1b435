import { ReportValueFormatter } from './report-value-formatter';

describe(ReportValueFormatter.name, () => {
  const berlin = new ReportValueFormatter('Europe/Berlin');

  it('shows ratios as percent with one decimal, true above 100 %', () => {
    expect([0.747937, 1.021233, 0, 1, -0.1].map((v) => berlin.ratio(v))).toEqual(['74.8%', '102.1%', '0.0%', '100.0%', '-10.0%']);
  });

  it('shows seconds as h:mm:ss with hours running past a day', () => {
    expect([0, 59.4, 3725, 5054.75, 191_400, 3_600_000, -90].map((v) => berlin.seconds(v))).toEqual(['0:00:00', '0:00:59', '1:02:05', '1:24:15', '53:10:00', '1,000:00:00', '-0:01:30']);
  });

  it('shows counts with en-US thousands separators and at most two decimals', () => {
    expect([12_345, 1234.5, 6, 85.333333].map((v) => berlin.count(v))).toEqual(['12,345', '1,234.5', '6', '85.33']);
  });

  it('shows null and non-finite values as n/a', () => {
    expect([berlin.ratio(null), berlin.seconds(Number.NaN), berlin.count(Number.POSITIVE_INFINITY), berlin.cell('text', null)]).toEqual(['n/a', 'n/a', 'n/a', 'n/a']);
  });

  it('shows instants as wall time in the report zone, across daylight saving changes', () => {
    expect(berlin.instant('2026-11-02T14:02:00Z')).toBe('2026-11-02 15:02:00');
    expect(berlin.instant('2026-07-01T14:02:00Z')).toBe('2026-07-01 16:02:00');
    expect(berlin.instant('2026-03-29T01:30:00Z')).toBe('2026-03-29 03:30:00');
    expect(berlin.instant('2026-11-02T00:00:00+01:00', 'minute')).toBe('2026-11-02 00:00');
    expect(new ReportValueFormatter('America/Chicago').instant('2026-11-02T14:02:00Z')).toBe('2026-11-02 08:02:00');
  });

  it('reads a time without offset as wall time of the report zone, and leaves an unreadable one as written', () => {
    expect(berlin.instant('2026-11-02T08:00:00')).toBe('2026-11-02 08:00:00');
    expect(berlin.instant('last Tuesday')).toBe('last Tuesday');
  });

  it('gives the wall time as a Date whose UTC fields carry it, for spreadsheets', () => {
    expect(berlin.wallClock('2026-11-02T14:02:00.250Z')).toEqual(new Date('2026-11-02T15:02:00.250Z'));
    expect(berlin.wallClock('nope')).toBeNull();
  });

  it('gives the calendar date in the report zone', () => {
    expect(berlin.date('2026-11-01T23:00:00Z')).toBe('2026-11-02');
    expect(berlin.date('2026-11-03T00:00:00+01:00', 1)).toBe('2026-11-02');
  });

  it('refuses a zone that is not an IANA name', () => {
    expect(() => new ReportValueFormatter('Europe/Atlantis')).toThrow(RangeError);
    expect(() => new ReportValueFormatter('')).toThrow(RangeError);
  });
});
