import fc from 'fast-check';
import { ZoneClock } from './zone-clock';

const DAY = 86_400_000;
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Africa/Casablanca',
  'UTC',
];
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2060, 0, 1);

/** The offset straight from Intl, independently of the clock's tables. */
function intlOffset(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second')) - Math.floor(instant / 1000) * 1000;
}

/** Every instant in [from, to] whose offset differs from the one a millisecond before, by bisection of daily samples. */
function transitionsBetween(zone: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  for (let t = from; t < to; t += DAY) {
    const before = intlOffset(zone, t);
    if (intlOffset(zone, t + DAY) === before) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (intlOffset(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, before, after: intlOffset(zone, hi) });
  }
  return found;
}

const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: FROM, max: TO });

describe(`${ZoneClock.name} properties`, () => {
  it('has the offset Intl gives at any instant', () => {
    fc.assert(
      fc.property(zone, instant, (z, t) => {
        expect(ZoneClock.forZone(z).offsetAt(t)).toBe(intlOffset(z, t));
      }),
      { numRuns: 500 },
    );
  });

  // From year 101: the reference reads its wall time back with Date.UTC, which takes years 0–99 for 1900–1999.
  it('has the offset Intl gives in any year it answers for', () => {
    fc.assert(
      fc.property(zone, fc.integer({ min: Date.parse('0101-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') }), (z, t) => {
        expect(ZoneClock.forZone(z).offsetAt(t)).toBe(intlOffset(z, t));
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips instants whose wall time is neither repeated nor near a change', () => {
    fc.assert(
      fc.property(zone, instant, (z, t) => {
        const clock = ZoneClock.forZone(z);
        fc.pre(clock.offsetAt(t - DAY) === clock.offsetAt(t + DAY));
        expect(clock.instantOf(clock.wallOf(t))).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('always gives an instant whose wall time is the one asked for, or later by the gap', () => {
    fc.assert(
      fc.property(zone, instant, (z, w) => {
        const clock = ZoneClock.forZone(z);
        const t = clock.instantOf(w);
        const shift = clock.wallOf(t) - w;
        expect(shift).toBeGreaterThanOrEqual(0);
        // Only in a spring gap does the wall time move, by the gap (the offsets either side differ by it).
        if (shift > 0) expect(shift).toBe(clock.offsetAt(t) - clock.offsetAt(t - shift - 1));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps wall time order: a later wall time is never an earlier instant', () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 3 * 3_600_000 }), (z, w, d) => {
        const clock = ZoneClock.forZone(z);
        expect(clock.instantOf(w + d)).toBeGreaterThanOrEqual(clock.instantOf(w));
      }),
      { numRuns: 500 },
    );
  });

  describe.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Sao_Paulo'])('around the changes of %s', (z) => {
    const clock = ZoneClock.forZone(z);
    const changes = transitionsBetween(z, Date.UTC(2000, 0, 1), Date.UTC(2031, 0, 1));

    it('finds every change', () => {
      expect(changes.length).toBeGreaterThan(0);
      for (const c of changes) {
        expect(clock.offsetAt(c.at - 1)).toBe(c.before);
        expect(clock.offsetAt(c.at)).toBe(c.after);
        expect(clock.nextTransitionAfter(c.at - 1)).toBe(c.at);
      }
    });

    it('reads a repeated wall time as its first occurrence', () => {
      const folds = changes.filter((c) => c.after < c.before);
      expect(folds.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.constantFrom(...folds), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (c, u) => {
          const w = c.at + c.after + Math.floor(u * (c.before - c.after));
          const first = clock.instantOf(w);
          expect(first).toBe(w - c.before);
          expect(first).toBeLessThan(c.at);
          expect(clock.wallOf(first)).toBe(w);
          // The second occurrence is real too, one fold later.
          expect(clock.wallOf(first + (c.before - c.after))).toBe(w);
        }),
      );
    });

    it('moves a wall time in a spring gap forward by the gap', () => {
      const gaps = changes.filter((c) => c.after > c.before);
      expect(gaps.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.constantFrom(...gaps), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (c, u) => {
          const w = c.at + c.before + Math.floor(u * (c.after - c.before));
          const t = clock.instantOf(w);
          expect(t).toBe(w - c.before);
          expect(t).toBeGreaterThanOrEqual(c.at);
          expect(clock.wallOf(t)).toBe(w + (c.after - c.before));
        }),
      );
    });
  });
});
