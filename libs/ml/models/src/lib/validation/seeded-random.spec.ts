import { SeededRandom } from './seeded-random';

describe(SeededRandom.name, () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x) / 1000).toBeCloseTo(0.5, 1);
  });

  it('gives different sequences for seeds that differ only in high bits', () => {
    expect(new SeededRandom(1).next()).not.toBe(new SeededRandom(1 + 2 ** 32).next());
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new SeededRandom(5).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
