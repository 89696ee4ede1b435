import { fitWeibull, weibullConditionalFailure, type ObservedLife } from './weibull';

/** Deterministic Weibull lives by inverse transform at evenly spread quantiles (no sampling noise to wait out). */
function lives(shape: number, scale: number, n: number, censorAt = Infinity): ObservedLife[] {
  return Array.from({ length: n }, (_, i) => {
    const u = (i + 0.5) / n;
    const t = scale * Math.pow(-Math.log(1 - u), 1 / shape);
    return t > censorAt ? { duration: censorAt, failed: 0 as const } : { duration: t, failed: 1 as const };
  });
}

describe(fitWeibull.name, () => {
  it('recovers shape and scale from complete lives', () => {
    const fit = fitWeibull(lives(1.84, 867, 2000));
    expect(fit?.shape).toBeCloseTo(1.84, 1);
    expect((fit?.scale ?? 0) / 867).toBeCloseTo(1, 1);
    expect(fit).toMatchObject({ failures: 2000, lives: 2000 });
  });

  it('recovers them when most lives are cut short (right-censored), where failures alone would mislead', () => {
    const censored = lives(2.5, 1000, 4000, 700);
    const fit = fitWeibull(censored);
    expect(fit?.shape).toBeCloseTo(2.5, 1);
    expect((fit?.scale ?? 0) / 1000).toBeCloseTo(1, 1);
    // Ignoring the censoring would make lives look far shorter.
    const naive = fitWeibull(censored.filter((l) => l.failed === 1));
    expect(naive?.scale ?? Infinity).toBeLessThan(700);
  });

  it('gives an exponential (shape 1) for lives with a constant hazard', () => {
    expect(fitWeibull(lives(1, 50, 3000))?.shape).toBeCloseTo(1, 1);
  });

  it('refuses to fit without enough failures or without spread', () => {
    expect(
      fitWeibull([
        { duration: 10, failed: 1 },
        { duration: 20, failed: 0 },
      ]),
    ).toBeNull();
    expect(fitWeibull(Array.from({ length: 5 }, () => ({ duration: 10, failed: 1 as const })))).toBeNull();
    expect(fitWeibull([...lives(2, 100, 10), { duration: 0, failed: 1 }])?.lives).toBe(10);
  });
});

describe(weibullConditionalFailure.name, () => {
  const w = { shape: 2, scale: 100 };

  it('is the failure probability over the next stretch given survival so far', () => {
    expect(weibullConditionalFailure(w, 0, 100)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(weibullConditionalFailure(w, 100, 100)).toBeCloseTo(1 - Math.exp(1 - 4), 12);
    expect(weibullConditionalFailure(w, 50, 0)).toBe(0);
  });

  it('rises with age when the shape is above 1 (wear-out), stays flat at 1', () => {
    expect(weibullConditionalFailure(w, 300, 10)).toBeGreaterThan(weibullConditionalFailure(w, 10, 10));
    const flat = { shape: 1, scale: 100 };
    expect(weibullConditionalFailure(flat, 300, 10)).toBeCloseTo(weibullConditionalFailure(flat, 10, 10), 12);
  });
});
