import { SeededRandom, deriveSeed, hashUniform } from './seeded-random';

describe(SeededRandom.name, () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws uniforms in [0, 1) with a mean near one half', () => {
    const rng = new SeededRandom(1);
    const draws = Array.from({ length: 50_000 }, () => rng.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 2);
  });

  it('keeps truncated lognormals inside their bounds with the median near the requested one', () => {
    const rng = new SeededRandom(7);
    const draws = Array.from({ length: 20_000 }, () => rng.truncatedLognormal(55, 0.35, 30, 119)).sort((x, y) => x - y);
    expect(draws[0]).toBeGreaterThanOrEqual(30);
    expect(draws[draws.length - 1]).toBeLessThanOrEqual(119);
    expect(draws[draws.length / 2]).toBeGreaterThan(50);
    expect(draws[draws.length / 2]).toBeLessThan(60);
  });

  it('draws exponential waits with mean 1 / rate', () => {
    const rng = new SeededRandom(3);
    const n = 50_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.exponential(4);
    expect(sum / n).toBeCloseTo(0.25, 2);
  });

  it('draws normals with the requested mean and sd', () => {
    const rng = new SeededRandom(5);
    const draws = Array.from({ length: 50_000 }, () => rng.normal(10, 2));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });
});

describe(deriveSeed.name, () => {
  it('is stable and separates nearby inputs', () => {
    expect(deriveSeed(1, 'MC-001', 'events')).toBe(deriveSeed(1, 'MC-001', 'events'));
    expect(deriveSeed(1, 'MC-001', 'events')).not.toBe(deriveSeed(1, 'MC-002', 'events'));
    expect(deriveSeed(1, 'ab', 'c')).not.toBe(deriveSeed(1, 'a', 'bc'));
    expect(hashUniform(9, 'x')).toBeGreaterThanOrEqual(0);
    expect(hashUniform(9, 'x')).toBeLessThan(1);
  });
});
