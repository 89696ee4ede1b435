import { ZoneClock } from './zone-clock';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
/** A wall time written as if it were UTC. */
const wall = (local: string): number => Date.parse(`${local}Z`);

describe(ZoneClock.name, () => {
  const berlin = ZoneClock.forZone('Europe/Berlin');

  it('knows the offset on either side of both clock changes', () => {
    expect(berlin.offsetAt(at('2026-03-29T00:59:59.999Z'))).toBe(HOUR);
    expect(berlin.offsetAt(at('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(berlin.offsetAt(at('2026-10-25T00:59:59.999Z'))).toBe(2 * HOUR);
    expect(berlin.offsetAt(at('2026-10-25T01:00:00Z'))).toBe(HOUR);
    expect(berlin.nextTransitionAfter(at('2026-06-01T00:00:00Z'))).toBe(at('2026-10-25T01:00:00Z'));
  });

  it('turns ordinary wall times into instants and back', () => {
    expect(berlin.instantOf(wall('2026-07-01T12:00:00'))).toBe(at('2026-07-01T10:00:00Z'));
    expect(berlin.wallOf(at('2026-01-15T23:30:00Z'))).toBe(wall('2026-01-16T00:30:00'));
  });

  it('moves a wall time skipped in spring forward by the gap', () => {
    expect(berlin.instantOf(wall('2026-03-29T02:30:00'))).toBe(at('2026-03-29T03:30:00+02:00'));
    expect(berlin.instantOf(wall('2026-03-29T02:00:00'))).toBe(at('2026-03-29T03:00:00+02:00'));
    expect(berlin.instantOf(wall('2026-03-29T01:59:59.999'))).toBe(at('2026-03-29T01:59:59.999+01:00'));
    expect(berlin.instantOf(wall('2026-03-29T03:00:00'))).toBe(at('2026-03-29T03:00:00+02:00'));
  });

  it('takes the first occurrence of a wall time repeated in autumn', () => {
    expect(berlin.instantOf(wall('2026-10-25T02:30:00'))).toBe(at('2026-10-25T02:30:00+02:00'));
    expect(berlin.instantOf(wall('2026-10-25T02:00:00'))).toBe(at('2026-10-25T02:00:00+02:00'));
    expect(berlin.instantOf(wall('2026-10-25T02:59:59.999'))).toBe(at('2026-10-25T02:59:59.999+02:00'));
    expect(berlin.instantOf(wall('2026-10-25T03:00:00'))).toBe(at('2026-10-25T03:00:00+01:00'));
  });

  it('gives the same answers whatever was asked before (the remembered stretch is only a shortcut)', () => {
    const walls = ['2026-10-25T02:30:00', '2025-03-30T02:30:00', '2026-07-01T12:00:00', '2031-10-26T02:15:00', '1999-12-31T23:59:59'].map(wall);
    const forward = walls.map((w) => berlin.instantOf(w));
    const backward = [...walls]
      .reverse()
      .map((w) => berlin.instantOf(w))
      .reverse();
    expect(backward).toEqual(forward);
    expect(forward[3]).toBe(at('2031-10-26T02:15:00+02:00'));
  });

  it('answers for years far from the first ones asked', () => {
    expect(berlin.offsetAt(at('2030-07-01T00:00:00Z'))).toBe(2 * HOUR);
    expect(berlin.offsetAt(at('1975-07-01T00:00:00Z'))).toBe(HOUR);
    expect(berlin.offsetAt(at('2100-07-01T00:00:00Z'))).toBe(2 * HOUR);
  });

  it('handles zones with half-hour offsets and southern-hemisphere changes', () => {
    const kolkata = ZoneClock.forZone('Asia/Kolkata');
    expect(kolkata.instantOf(wall('2026-01-10T06:00:00'))).toBe(at('2026-01-10T00:30:00Z'));
    const sydney = ZoneClock.forZone('Australia/Sydney');
    // Sydney leaves daylight time on 5 April 2026 at 03:00 (+11:00) → 02:00 (+10:00): 02:30 happens twice.
    expect(sydney.instantOf(wall('2026-04-05T02:30:00'))).toBe(at('2026-04-05T02:30:00+11:00'));
  });

  it('handles the 30-minute change of Lord Howe Island', () => {
    const lordHowe = ZoneClock.forZone('Australia/Lord_Howe');
    // +10:30 → +11:00 on 4 October 2026 at 02:00; back at 02:00 (+11:00) → 01:30 on 5 April 2026.
    expect(lordHowe.offsetAt(at('2026-07-01T00:00:00Z'))).toBe(10.5 * HOUR);
    expect(lordHowe.instantOf(wall('2026-10-04T02:10:00'))).toBe(at('2026-10-04T02:40:00+11:00'));
    expect(lordHowe.instantOf(wall('2026-04-05T01:45:00'))).toBe(at('2026-04-05T01:45:00+11:00'));
    expect(lordHowe.instantOf(wall('2026-04-05T02:00:00'))).toBe(at('2026-04-05T02:00:00+10:30'));
  });

  it('handles Kathmandu at +05:45', () => {
    const kathmandu = ZoneClock.forZone('Asia/Kathmandu');
    expect(kathmandu.offsetAt(at('2026-05-01T00:00:00Z'))).toBe(5 * HOUR + 45 * MINUTE);
    expect(kathmandu.instantOf(wall('2026-05-01T06:00:00'))).toBe(at('2026-05-01T00:15:00Z'));
    expect(kathmandu.nextTransitionAfter(at('2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('handles New York, changing at 02:00 local time', () => {
    const newYork = ZoneClock.forZone('America/New_York');
    expect(newYork.instantOf(wall('2025-03-09T02:30:00'))).toBe(at('2025-03-09T03:30:00-04:00'));
    expect(newYork.instantOf(wall('2025-11-02T01:30:00'))).toBe(at('2025-11-02T01:30:00-04:00'));
    expect(newYork.wallOf(at('2025-11-02T01:30:00-05:00'))).toBe(wall('2025-11-02T01:30:00'));
  });

  it('is UTC without a zone, and for UTC by name', () => {
    for (const utc of [ZoneClock.utc(), ZoneClock.forZone('UTC'), ZoneClock.forZone('Etc/UTC')]) {
      expect(utc.instantOf(wall('2026-03-29T02:30:00'))).toBe(at('2026-03-29T02:30:00Z'));
      expect(utc.offsetAt(at('2026-06-01T00:00:00Z'))).toBe(0);
      expect(utc.nextTransitionAfter(0)).toBeNull();
    }
  });

  it('is one clock per zone name', () => {
    expect(ZoneClock.forZone('Europe/Berlin')).toBe(berlin);
  });

  it('refuses unknown zones', () => {
    expect(() => ZoneClock.forZone('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(ZoneClock.isValidZone('Mars/Olympus_Mons')).toBe(false);
    expect(ZoneClock.isValidZone('America/New_York')).toBe(true);
  });

  it('is NaN for instants it cannot answer for', () => {
    expect(berlin.offsetAt(Number.NaN)).toBeNaN();
    expect(berlin.instantOf(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(berlin.offsetAt(at('+020000-01-01T00:00:00Z'))).toBeNaN();
  });

  it('answers for the first and last years a DATETIME can hold', () => {
    expect(berlin.instantOf(wall('9999-12-31T23:59:59.999'))).toBe(at('9999-12-31T23:59:59.999+01:00'));
    const old = berlin.instantOf(wall('0100-01-01T00:00:00'));
    expect(berlin.wallOf(old)).toBe(wall('0100-01-01T00:00:00'));
    // Local mean time of Berlin until 1893: +00:53:28.
    expect(berlin.offsetAt(old)).toBe(53 * MINUTE + 28_000);
  });
});
