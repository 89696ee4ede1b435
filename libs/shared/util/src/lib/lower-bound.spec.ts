import fc from 'fast-check';
import { lowerBound, upperBound } from './lower-bound';

describe(lowerBound.name, () => {
  it('finds the first element at least x', () => {
    const values = [1, 3, 3, 5];
    expect([0, 1, 2, 3, 4, 5, 6].map((x) => lowerBound(values, x))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(lowerBound([], 1)).toBe(0);
    expect(lowerBound(Float64Array.of(1, 2, 3), 2.5)).toBe(2);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (raw, x) => {
        const values = [...raw].sort((a, b) => a - b);
        const first = values.findIndex((v) => v >= x);
        expect(lowerBound(values, x)).toBe(first === -1 ? values.length : first);
      }),
    );
  });
});

describe(upperBound.name, () => {
  it('finds the first element above x', () => {
    const values = [1, 3, 3, 5];
    expect([0, 1, 2, 3, 4, 5, 6].map((x) => upperBound(values, x))).toEqual([0, 1, 1, 3, 3, 4, 4]);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (raw, x) => {
        const values = [...raw].sort((a, b) => a - b);
        const first = values.findIndex((v) => v > x);
        expect(upperBound(values, x)).toBe(first === -1 ? values.length : first);
      }),
    );
  });
});
