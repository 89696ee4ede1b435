import { SeededRandom } from './seeded-random';

describe(SeededRandom.name, () => {
  it('repeats its stream for a seed and differs between neighbouring seeds', () => {
    const draw = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws uniformly in [0, 1) and integers below n', () => {
    const random = new SeededRandom(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const u = random.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      counts[random.below(4)]++;
    }
    for (const count of counts) expect(count).toBeGreaterThan(900);
  });
});
