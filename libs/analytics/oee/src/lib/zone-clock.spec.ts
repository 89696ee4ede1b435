import { ZoneClock } from './zone-clock';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
/** A wall time written as if it were UTC. */
const wall = (local: string): number => Date.parse(`${local}Z`);

describe(ZoneClock.name, () => {
  const berlin = ZoneClock.forZone('Europe/Berlin', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));

  it('knows the offset on either side of both clock changes', () => {
    expect(berlin.offsetAt(at('2026-03-29T00:59:59Z'))).toBe(HOUR);
    expect(berlin.offsetAt(at('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(berlin.offsetAt(at('2026-10-25T00:59:59Z'))).toBe(2 * HOUR);
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
  });

  it('takes the first occurrence of a wall time repeated in autumn', () => {
    expect(berlin.instantOf(wall('2026-10-25T02:30:00'))).toBe(at('2026-10-25T02:30:00+02:00'));
    expect(berlin.instantOf(wall('2026-10-25T02:00:00'))).toBe(at('2026-10-25T02:00:00+02:00'));
    expect(berlin.instantOf(wall('2026-10-25T03:00:00'))).toBe(at('2026-10-25T03:00:00+01:00'));
  });

  it('answers outside the prepared range too', () => {
    expect(berlin.offsetAt(at('2030-07-01T00:00:00Z'))).toBe(2 * HOUR);
  });

  it('handles zones with half-hour offsets and southern-hemisphere changes', () => {
    const kolkata = ZoneClock.forZone('Asia/Kolkata', at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z'));
    expect(kolkata.instantOf(wall('2026-01-10T06:00:00'))).toBe(at('2026-01-10T00:30:00Z'));
    const sydney = ZoneClock.forZone('Australia/Sydney', at('2026-03-01T00:00:00Z'), at('2026-05-01T00:00:00Z'));
    // Sydney leaves daylight time on 5 April 2026 at 03:00 (+11:00) → 02:00 (+10:00): 02:30 happens twice.
    expect(sydney.instantOf(wall('2026-04-05T02:30:00'))).toBe(at('2026-04-05T02:30:00+11:00'));
  });

  it('is UTC without a zone', () => {
    const utc = ZoneClock.utc();
    expect(utc.instantOf(wall('2026-03-29T02:30:00'))).toBe(at('2026-03-29T02:30:00Z'));
    expect(utc.nextTransitionAfter(0)).toBeNull();
  });
});
