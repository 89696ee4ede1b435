import { SeededRandom } from './seeded-random';

describe(SeededRandom.name, () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const draws = Array.from({ length: 1000 }, () => a.next());

    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(draws);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(new SeededRandom(8).next()).not.toBe(draws[0]);
  });

  it('draws integers below the bound', () => {
    const random = new SeededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(5)));

    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
