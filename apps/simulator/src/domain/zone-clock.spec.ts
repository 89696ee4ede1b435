import { ZoneClock, dayNumberOf } from './zone-clock';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Independent reference: Intl's own formatting of an instant in a zone. */
function intlWall(utcMs: number, zone: string): string {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
    });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(utcMs));
  const f = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${f('year')}-${f('month')}-${f('day')} ${f('hour')}:${f('minute')}:${f('second')}.${f('fractionalSecond')}`;
}

const BERLIN = 'Europe/Berlin';
const SPRING = dayNumberOf({ year: 2025, month: 3, day: 30 });
const AUTUMN = dayNumberOf({ year: 2025, month: 10, day: 26 });

describe(ZoneClock.name, () => {
  it('writes UTC instants unchanged in UTC', () => {
    expect(new ZoneClock('UTC').toWall(Date.UTC(2025, 0, 2, 3, 4, 5, 67))).toBe('2025-01-02 03:04:05.067');
  });

  it('matches Intl for instants spread over several years in several zones', () => {
    const mismatches: string[] = [];
    for (const zone of [BERLIN, 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      const clock = new ZoneClock(zone);
      for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2026, 0, 1); t += 31_999_997) {
        if (clock.toWall(t) !== intlWall(t, zone)) mismatches.push(`${zone} ${new Date(t).toISOString()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('never writes a wall time of the spring-forward gap (Europe/Berlin, 30 March 2025)', () => {
    const clock = new ZoneClock(BERLIN);
    const walls: string[] = [];
    for (let t = Date.UTC(2025, 2, 29, 22); t < Date.UTC(2025, 2, 30, 22); t += 60_000) walls.push(clock.toWall(t));
    expect(walls.filter((w) => w.startsWith('2025-03-30 02:'))).toEqual([]);
    // 23 hours of minutes on that local day.
    expect(walls.filter((w) => w.startsWith('2025-03-30'))).toHaveLength(23 * 60);
  });

  it('moves a wall time inside the gap forward by the gap', () => {
    const clock = new ZoneClock(BERLIN);
    expect(clock.fromWall(SPRING, 2, 30)).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(clock.toWall(clock.fromWall(SPRING, 2, 30))).toBe('2025-03-30 03:30:00.000');
    expect(clock.fromWall(SPRING, 1, 59)).toBe(Date.UTC(2025, 2, 30, 0, 59));
    expect(clock.fromWall(SPRING, 3, 0)).toBe(Date.UTC(2025, 2, 30, 1, 0));
  });

  it('writes the repeated autumn hour twice and reads a repeated wall time as its first occurrence', () => {
    const clock = new ZoneClock(BERLIN);
    const first = Date.UTC(2025, 9, 26, 0, 30); // 02:30 CEST
    const second = Date.UTC(2025, 9, 26, 1, 30); // 02:30 CET
    expect(clock.toWall(first)).toBe('2025-10-26 02:30:00.000');
    expect(clock.toWall(second)).toBe('2025-10-26 02:30:00.000');
    expect(clock.fromWall(AUTUMN, 2, 30)).toBe(first);
    expect(clock.offsetAt(first)).toBe(2 * 3_600_000);
    expect(clock.offsetAt(second)).toBe(3_600_000);
  });

  it('gives local calendar fields including the weekday', () => {
    const clock = new ZoneClock(BERLIN);
    // 2025-06-01 23:30 UTC is Monday 01:30 in Berlin.
    expect(clock.localTime(Date.UTC(2025, 5, 1, 23, 30))).toMatchObject({ year: 2025, month: 6, day: 2, hour: 1, minute: 30, weekday: 1 });
  });

  it('rejects unknown zones', () => {
    expect(ZoneClock.isValidZone('Europe/Berlin')).toBe(true);
    expect(ZoneClock.isValidZone('Mars/Olympus')).toBe(false);
    expect(() => new ZoneClock('Mars/Olympus')).toThrow(RangeError);
  });
});
