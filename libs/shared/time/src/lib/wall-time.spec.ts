import fc from 'fast-check';
import { END_WALL_TIME_PATTERN, MINUTES_PER_DAY, parseWallTime, shiftSpan, WALL_TIME_PATTERN } from './wall-time';

describe(parseWallTime.name, () => {
  it('reads strict HH:MM from 00:00 to 23:59', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('06:30')).toBe(390);
    expect(parseWallTime('23:59')).toBe(1439);
  });

  it.each(['24:00', '6:30', '06:60', '06:30:00', ' 06:30', '', '0a:00', null, 630])('refuses %p as a start', (text) => {
    expect(parseWallTime(text)).toBeNull();
  });

  it('accepts 24:00 only as an end of day', () => {
    expect(parseWallTime('24:00', true)).toBe(1440);
    expect(parseWallTime('24:01', true)).toBeNull();
    expect(parseWallTime('25:00', true)).toBeNull();
  });

  it('reads back every minute of the day it is written as', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MINUTES_PER_DAY - 1 }), (minute) => {
        const text = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        expect(parseWallTime(text)).toBe(minute);
        expect(parseWallTime(text, true)).toBe(minute);
      }),
    );
  });

  it('agrees with the validation patterns', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,2}:\d{1,2}$/), (text) => {
        expect(parseWallTime(text) !== null).toBe(WALL_TIME_PATTERN.test(text));
        expect(parseWallTime(text, true) !== null).toBe(END_WALL_TIME_PATTERN.test(text));
      }),
    );
  });
});

describe(shiftSpan.name, () => {
  it('crosses midnight when the end is not after the start', () => {
    expect(shiftSpan(22 * 60, 6 * 60)).toEqual({ start: 1320, end: 1800 });
    expect(shiftSpan(6 * 60, 14 * 60)).toEqual({ start: 360, end: 840 });
    expect(shiftSpan(0, 1440)).toEqual({ start: 0, end: 1440 });
    expect(shiftSpan(8 * 60, 8 * 60)).toEqual({ start: 480, end: 1920 });
  });
});
