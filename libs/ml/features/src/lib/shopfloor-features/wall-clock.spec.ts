import { WallClock } from './wall-clock';

describe(WallClock.name, () => {
  it('gives UTC wall time and the ISO weekday', () => {
    // 2024-01-09 was a Tuesday.
    expect(new WallClock('UTC').at(Date.parse('2024-01-09T05:30:30Z'))).toEqual({ minuteOfDay: 330.5, weekday: 1 });
  });

  it('follows the zone across a daylight-saving change', () => {
    const berlin = new WallClock('Europe/Berlin');
    expect(berlin.at(Date.parse('2024-03-31T00:30:00Z')).minuteOfDay).toBe(90);
    expect(berlin.at(Date.parse('2024-03-31T01:30:00Z')).minuteOfDay).toBe(210);
    // Sunday 23:30 UTC is Monday 01:30 in Berlin in summer.
    expect(berlin.at(Date.parse('2024-06-30T23:30:00Z'))).toEqual({ minuteOfDay: 90, weekday: 0 });
  });

  it('rejects an unknown zone', () => {
    expect(() => new WallClock('Mars/Base')).toThrow(RangeError);
  });
});
