import { AZURE_PDM, BREAKDOWN_WEIBULL_SCALE_H } from './azure-pdm-calibration';

/**
 * Breakdown hazard of a machine as a Weibull in operating hours since its last renewal (planned maintenance or
 * repair): h(t) = (k/λ)(t/λ)^(k−1). With k > 1 the hazard grows with wear, so time since maintenance and the
 * sensor drift that precedes a failure carry real predictive signal.
 */
export class WearModel {
  constructor(
    readonly shape: number = AZURE_PDM.weibullShape,
    readonly scaleH: number = BREAKDOWN_WEIBULL_SCALE_H,
  ) {
    if (!(shape > 0) || !(scaleH > 0)) throw new RangeError('Weibull shape and scale must be positive');
  }

  /** Breakdowns per operating hour at an age. */
  hazard(ageH: number): number {
    return (this.shape / this.scaleH) * Math.pow(Math.max(0, ageH) / this.scaleH, this.shape - 1);
  }

  cumulativeHazard(ageH: number): number {
    return Math.pow(Math.max(0, ageH) / this.scaleH, this.shape);
  }

  /**
   * The age at which a machine that has survived to `ageH` fails, given a unit-exponential draw `e`
   * (inverse of the conditional cumulative hazard: H(t) − H(age) = e).
   */
  failureAge(ageH: number, e: number): number {
    return this.scaleH * Math.pow(this.cumulativeHazard(ageH) + e, 1 / this.shape);
  }
}
