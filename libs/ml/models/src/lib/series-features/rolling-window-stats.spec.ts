import { RollingWindowStats } from './rolling-window-stats';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

function moments(y: number[], x: number[], w: number): { mean: number[]; std: number[]; slope: number[] } {
  const out = { mean: new Float64Array(y.length), std: new Float64Array(y.length), slope: new Float64Array(y.length) };
  new RollingWindowStats().moments(f64(y), f64(x), y.length, w, out);
  return { mean: Array.from(out.mean), std: Array.from(out.std), slope: Array.from(out.slope) };
}

function expectClose(actual: number[], expected: number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], digits));
}

/** Straightforward two-pass statistics over the trailing window, to check the running sums against. */
function bruteForce(y: number[], x: number[], w: number, i: number): { mean: number; std: number; slope: number } {
  const ys = y.slice(Math.max(0, i - w + 1), i + 1);
  const xs = x.slice(Math.max(0, i - w + 1), i + 1);
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const syy = ys.reduce((a, v) => a + (v - my) ** 2, 0);
  const sxx = xs.reduce((a, v) => a + (v - mx) ** 2, 0);
  const sxy = xs.reduce((a, v, k) => a + (v - mx) * (ys[k] - my), 0);
  return { mean: my, std: Math.sqrt(syy / ys.length), slope: ys.length < 2 ? 0 : sxy / sxx };
}

describe(RollingWindowStats.name, () => {
  it('computes trailing mean, population std and slope over the history there is', () => {
    const { mean, std, slope } = moments([1, 2, 4, 8], [1, 2, 3, 4], 3);
    expectClose(mean, [1, 1.5, 7 / 3, 14 / 3]);
    expectClose(std, [0, 0.5, Math.sqrt(14) / 3, Math.sqrt(56) / 3]);
    expectClose(slope, [0, 1, 1.5, 3]);
  });

  it('takes the slope against the order, so uneven spacing counts', () => {
    expectClose(moments([0, 1, 3, 3.5], [0, 1, 3, 3.5], 4).slope, [0, 1, 1, 1]);
    expectClose(moments([10, 20], [100, 110], 2).slope, [0, 1]);
  });

  it('gives exactly 0 std and slope for a constant window, also after a level change', () => {
    const y = [5, 5, 5, ...Array.from({ length: 50 }, () => 7.1)];
    const x = y.map((_, i) => i);
    const { mean, std, slope } = moments(y, x, 4);
    for (let i = 6; i < y.length; i++) {
      expect(std[i]).toBe(0);
      expect(slope[i]).toBe(0);
      expect(mean[i]).toBeCloseTo(7.1, 12);
    }
  });

  it('stays accurate with epoch-millisecond orders and long series', () => {
    const hour = 3_600_000;
    const x = Array.from({ length: 5000 }, (_, i) => 1.7e12 + i * hour + (i % 3) * 1000);
    const y = x.map((t, i) => 2e-6 * (t - 1.7e12) + Math.sin(i));
    const { mean, std, slope } = moments(y, x, 10);
    for (const i of [0, 1, 9, 10, 2500, 4999]) {
      const want = bruteForce(y, x, 10, i);
      expect(mean[i]).toBeCloseTo(want.mean, 8);
      expect(std[i]).toBeCloseTo(want.std, 8);
      expect(slope[i] / 2e-6).toBeCloseTo(want.slope / 2e-6, 6);
    }
  });

  it('matches a two-pass computation on a random series for several windows', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100 - 50;
    const y = Array.from({ length: 200 }, rand);
    const x = y.map((_, i) => i * 2 + (i % 5));
    for (const w of [1, 2, 5, 30]) {
      const { mean, std, slope } = moments(y, x, w);
      y.forEach((_, i) => {
        const want = bruteForce(y, x, w, i);
        expect(mean[i]).toBeCloseTo(want.mean, 9);
        expect(std[i]).toBeCloseTo(want.std, 9);
        expect(slope[i]).toBeCloseTo(want.slope, 9);
      });
    }
  });

  it('finds trailing minima and maxima', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6];
    const min = new Float64Array(y.length);
    const max = new Float64Array(y.length);
    new RollingWindowStats().extremes(f64(y), y.length, 3, { min, max });
    expect(Array.from(min)).toEqual([3, 1, 1, 1, 1, 1, 2, 2]);
    expect(Array.from(max)).toEqual([3, 3, 4, 4, 5, 9, 9, 9]);
  });

  it('weights the exponential mean by span and normalises over the values that exist', () => {
    const out = new Float64Array(3);
    new RollingWindowStats().ewm(f64([2, 4, 1]), 3, 3, out);
    // α = 0.5: weights 1, 0.5, 0.25 from the newest value back.
    expectClose(Array.from(out), [2, (4 + 0.5 * 2) / 1.5, (1 + 0.5 * 4 + 0.25 * 2) / 1.75]);
  });
});
