import fc from 'fast-check';
import { type Interval, IntervalSet } from './interval-set';

const DOMAIN = 60;

/** The same set as a bitmap of unit cells [k, k + 1) over a small domain: the obvious, slow reference. */
function cells(intervals: readonly Interval[]): boolean[] {
  const out = new Array<boolean>(DOMAIN).fill(false);
  for (const { start, end } of intervals) for (let k = Math.max(0, start); k < Math.min(DOMAIN, end); k += 1) out[k] = true;
  return out;
}

const count = (bits: boolean[]): number => bits.filter(Boolean).length;

const intervalsArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: DOMAIN }), fc.integer({ min: 0, max: 20 })).map(([start, length]) => ({ start, end: Math.min(DOMAIN, start + length) })),
  { maxLength: 8 },
);

describe(IntervalSet.name, () => {
  it('merges overlapping and touching intervals given in any order', () => {
    const set = IntervalSet.fromIntervals([
      { start: 10, end: 20 },
      { start: 0, end: 5 },
      { start: 5, end: 7 },
      { start: 15, end: 30 },
      { start: 40, end: 40 },
    ]);
    expect(set.intervals()).toEqual([
      { start: 0, end: 7 },
      { start: 10, end: 30 },
    ]);
    expect(set.measure()).toBe(27);
  });

  it('measures the part inside a window, trimming the intervals that cross its edges', () => {
    const set = IntervalSet.fromIntervals([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
      { start: 40, end: 50 },
    ]);
    expect(set.measureWithin(5, 45)).toBe(5 + 10 + 5);
    expect(set.measureWithin(12, 18)).toBe(0);
    expect(set.measureWithin(22, 24)).toBe(2);
    expect(set.measureWithin(30, 40)).toBe(0);
    expect(set.measureWithin(50, 10)).toBe(0);
  });

  it('finds the first instant of the set at or after a time', () => {
    const set = IntervalSet.fromIntervals([
      { start: 10, end: 20 },
      { start: 30, end: 40 },
    ]);
    expect(set.firstPointAtOrAfter(0)).toBe(10);
    expect(set.firstPointAtOrAfter(15)).toBe(15);
    expect(set.firstPointAtOrAfter(20)).toBe(30);
    expect(set.firstPointAtOrAfter(40)).toBeNull();
  });

  it('agrees with a bitmap on union, intersection, difference and measure', () => {
    fc.assert(
      fc.property(intervalsArb, intervalsArb, fc.integer({ min: 0, max: DOMAIN }), fc.integer({ min: 0, max: DOMAIN }), (a, b, from, to) => {
        const [sa, sb] = [IntervalSet.fromIntervals(a), IntervalSet.fromIntervals(b)];
        const [ca, cb] = [cells(a), cells(b)];
        expect(cells(sa.union(sb).intervals())).toEqual(ca.map((x, k) => x || cb[k]));
        expect(cells(sa.intersect(sb).intervals())).toEqual(ca.map((x, k) => x && cb[k]));
        expect(cells(sa.subtract(sb).intervals())).toEqual(ca.map((x, k) => x && !cb[k]));
        expect(sa.measure()).toBe(count(ca));
        expect(sa.measureWithin(from, to)).toBe(count(ca.map((x, k) => x && k >= from && k < to)));
        // Canonical form: sorted, disjoint, non-empty, not touching.
        const parts = sa.subtract(sb).intervals();
        parts.forEach((p, k) => {
          expect(p.end).toBeGreaterThan(p.start);
          if (k > 0) expect(p.start).toBeGreaterThan(parts[k - 1].end);
        });
      }),
    );
  });
});
