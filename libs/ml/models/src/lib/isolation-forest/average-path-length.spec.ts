import { averagePathLength } from './average-path-length';

describe(averagePathLength.name, () => {
  it('is 0 for one point and 1 for two', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
  });

  it('follows 2H(n − 1) − 2(n − 1)/n', () => {
    expect(averagePathLength(3)).toBeCloseTo(2 * 1.5 - 4 / 3, 12);
    expect(averagePathLength(256)).toBeCloseTo(10.2487, 4);
  });

  it('joins the exact and asymptotic harmonic numbers smoothly', () => {
    let exact = 0;
    for (let k = 1; k <= 64; k++) exact += 1 / k;
    expect(averagePathLength(65)).toBeCloseTo(2 * exact - (2 * 64) / 65, 12);
  });
});
