import { featureNames, wearColumns, type RenewalLife } from '@shopfloor/ml/features';
import { fitWearCurve, fitWearPrior, wearOffset, wearProbability } from './wear-prior';

const columns = wearColumns();
/** A feature row with only the wear inputs set: age in run hours, and run hours over the long window. */
const row = (age: number, runHoursLongWindow: number): Float64Array => {
  const values = new Float64Array(featureNames().length).fill(Number.NaN);
  values[columns.age] = age;
  values[columns.runHours] = runHoursLongWindow;
  return values;
};

describe('wear prior', () => {
  // Lives at evenly spread Weibull(2, 500) quantiles; those past 400 run hours cut short by maintenance.
  const lives: RenewalLife[] = Array.from({ length: 400 }, (_, i) => {
    const t = 500 * Math.sqrt(-Math.log(1 - (i + 0.5) / 400));
    return { runHours: Math.min(t, 400), failed: t <= 400 ? 1 : 0, from: 0 };
  });
  const curve = fitWearCurve(lives);

  it('fits the fleet curve and gives more breakdown probability to an older machine, and over a longer horizon', () => {
    expect(curve?.shape).toBeCloseTo(2, 1);
    const worn = wearProbability(curve, row(350, 84), 168, {});
    const fresh = wearProbability(curve, row(5, 84), 168, {});
    expect(worn).toBeGreaterThan(3 * fresh);
    expect(wearProbability(curve, row(350, 84), 24, {})).toBeLessThan(worn);
    // A machine that stood still all week is expected to wear nothing in the horizon.
    expect(wearProbability(curve, row(350, 0), 168, {})).toBe(0);
  });

  it('uses the fleet rate when the age is unknown, and nothing without the curve', () => {
    expect(wearProbability(curve, row(Number.NaN, 84), 168, {})).toBeCloseTo(1 - Math.exp(-(curve?.ratePerRunHour ?? 0) * 84), 12);
    expect(wearProbability(null, row(100, 84), 168, {})).toBeNaN();
    expect(fitWearCurve(lives.slice(0, 3))).toBeNull();
  });

  it('weights the curve by how well it predicts the label: fully for a label it drives, not at all for noise', () => {
    const probabilities = Array.from({ length: 4000 }, (_, i) => 0.01 + (0.3 * ((i * 7919) % 4000)) / 4000);
    // Deterministic labels whose rate follows the probabilities, and labels unrelated to them.
    let acc = 0;
    const driven = probabilities.map((p) => ((acc += p) >= 1 ? ((acc -= 1), 1) : 0));
    const noise = probabilities.map((_, i) => (i % 10 === 0 ? 1 : 0));
    expect(fitWearPrior(curve!, probabilities, driven).slope).toBeGreaterThan(0.7);
    expect(fitWearPrior(curve!, probabilities, noise).slope).toBeLessThan(0.1);
    const prior = fitWearPrior(curve!, probabilities, driven);
    expect(wearOffset(prior, Number.NaN)).toBe(prior.meanOffset);
    expect(wearOffset(prior, 0.3)).toBeGreaterThan(wearOffset(prior, 0.01));
  });
});
