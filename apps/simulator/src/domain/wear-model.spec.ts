import { BREAKDOWN_RATE_PER_OPERATING_HOUR, PLANNED_MAINTENANCE_INTERVAL_H } from './azure-pdm-calibration';
import { SeededRandom } from '@shopfloor/util';
import { WearModel } from './wear-model';

describe(WearModel.name, () => {
  const wear = new WearModel();

  it('has a hazard that grows with operating hours since renewal', () => {
    expect(wear.shape).toBeGreaterThan(1);
    expect(wear.hazard(500)).toBeGreaterThan(4 * wear.hazard(50));
    expect(wear.hazard(0)).toBe(0);
  });

  it('draws failure ages whose mean is the Weibull mean λ·Γ(1 + 1/k)', () => {
    const rng = new SeededRandom(11);
    const n = 40_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += wear.failureAge(0, rng.exponential(1));
    // Γ(1 + 1/1.84) ≈ 0.8885.
    expect(sum / n / wear.scaleH).toBeCloseTo(0.8885, 2);
  });

  it('draws a failure age after the current age (conditional on survival)', () => {
    const rng = new SeededRandom(12);
    for (let i = 0; i < 1000; i++) expect(wear.failureAge(400, rng.exponential(1))).toBeGreaterThan(400);
  });

  it('reproduces the Azure PdM failure rate when renewed by planned maintenance and repair', () => {
    // Renewal process: each cycle ends at the failure or at planned maintenance, whichever comes first.
    const rng = new SeededRandom(13);
    let hours = 0;
    let failures = 0;
    for (let cycle = 0; cycle < 100_000; cycle++) {
      const failAt = wear.failureAge(0, rng.exponential(1));
      if (failAt < PLANNED_MAINTENANCE_INTERVAL_H) {
        failures += 1;
        hours += failAt;
      } else {
        hours += PLANNED_MAINTENANCE_INTERVAL_H;
      }
    }
    expect(failures / hours / BREAKDOWN_RATE_PER_OPERATING_HOUR).toBeCloseTo(1, 1);
  });
});
