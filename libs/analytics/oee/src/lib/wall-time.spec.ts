import { parseWallTime, wallSpan } from './wall-time';

describe(parseWallTime.name, () => {
  it('reads strict HH:MM from 00:00 to 23:59', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('06:30')).toBe(390);
    expect(parseWallTime('23:59')).toBe(1439);
  });

  it.each(['24:00', '6:30', '06:60', '06:30:00', ' 06:30', '', null, 630])('refuses %p as a start', (text) => {
    expect(parseWallTime(text)).toBeNull();
  });

  it('accepts 24:00 only as an end of day', () => {
    expect(parseWallTime('24:00', true)).toBe(1440);
    expect(parseWallTime('24:01', true)).toBeNull();
  });
});

describe(wallSpan.name, () => {
  it('crosses midnight when the end is not after the start', () => {
    expect(wallSpan(22 * 60, 6 * 60)).toEqual({ start: 1320, end: 1800 });
    expect(wallSpan(6 * 60, 14 * 60)).toEqual({ start: 360, end: 840 });
    expect(wallSpan(0, 1440)).toEqual({ start: 0, end: 1440 });
  });
});
