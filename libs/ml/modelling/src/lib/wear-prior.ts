import { wearColumns, type FeatureOptions, type RenewalLife } from '@shopfloor/ml/features';
import { fitWeibull, weibullConditionalFailure } from '@shopfloor/ml/models';

/**
 * The fleet's wear curve as a prior for the downtime model. Breakdowns are rare next to other stops (a few per
 * machine-year), too few for trees to find the wear-out curve in run hours since renewal by themselves; reliability
 * engineering has the standard answer, a Weibull life fitted to the lives between renewals (planned maintenance
 * cutting a life short counts as censored, not as a failure). Its probability of a breakdown within the horizon —
 * at the machine's age, over the run hours it is expected to work in the horizon (its pace over the long window) — is
 * a feature column and, weighted by a logistic fit to the label, the trees' starting margin (XGBoost's base_margin):
 * the trees learn what the curve leaves unexplained. The weight is learnt, so for a label wear has little to do with
 * (long material shortages, say) the prior fades.
 */
export interface WearPrior {
  shape: number;
  scale: number;
  /** Breakdowns per run hour over the fleet's lives: the hazard for a machine with no renewal on record. */
  ratePerRunHour: number;
  /** Weight of the curve's log-odds in the margin, and the weighted log-odds' mean over the training rows. */
  slope: number;
  meanOffset: number;
}

export type WearCurve = Pick<WearPrior, 'shape' | 'scale' | 'ratePerRunHour'>;

const CLAMP = 1e-6;
const logit = (p: number): number => {
  const q = Math.min(1 - CLAMP, Math.max(CLAMP, p));
  return Math.log(q / (1 - q));
};

/** The Weibull wear curve of the machines' lives; null with fewer than `minFailures` breakdowns among them. */
export function fitWearCurve(lives: readonly RenewalLife[], minFailures = 5): WearCurve | null {
  const fit = fitWeibull(
    lives.map((l) => ({ duration: l.runHours, failed: l.failed })),
    minFailures,
  );
  if (!fit) return null;
  const runHours = lives.reduce((sum, l) => sum + Math.max(0, l.runHours), 0);
  return { shape: fit.shape, scale: fit.scale, ratePerRunHour: runHours > 0 ? fit.failures / runHours : 0 };
}

/** P(a breakdown within the horizon) from wear alone, for a row of machine features; NaN without the inputs. */
export function wearProbability(curve: WearCurve | null, features: ArrayLike<number>, horizonHours: number, options: FeatureOptions): number {
  if (curve === null) return Number.NaN;
  const columns = wearColumns(options);
  const pace = features[columns.runHours] / columns.windowHours;
  if (!Number.isFinite(pace)) return Number.NaN;
  const ahead = Math.max(0, pace) * horizonHours;
  const age = features[columns.age];
  // No renewal on record: the machine's age is unknown, so the fleet's average rate.
  return Number.isFinite(age) ? weibullConditionalFailure(curve, age, ahead) : 1 - Math.exp(-curve.ratePerRunHour * ahead);
}

/** The row's starting margin from its wear probability (the training mean when there is none, so it explains nothing). */
export function wearOffset(prior: Pick<WearPrior, 'slope' | 'meanOffset'>, probability: number): number {
  return Number.isFinite(probability) ? prior.slope * logit(probability) : prior.meanOffset;
}

/**
 * The prior's weight: a logistic regression of the labels on the curve's log-odds (intercept and slope by Newton's
 * method, slope kept ≥ 0: more wear never makes a breakdown less likely). Rows without a probability are left out.
 */
export function fitWearPrior(curve: WearCurve, probabilities: ArrayLike<number>, labels: readonly number[]): WearPrior {
  const z: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isFinite(probabilities[i])) continue;
    z.push(logit(probabilities[i]));
    y.push(labels[i]);
  }
  let a = 0;
  let b = 0;
  if (y.some((v) => v === 1) && y.some((v) => v === 0)) {
    for (let step = 0; step < 100; step++) {
      let ga = 0;
      let gb = 0;
      let haa = 1e-9;
      let hab = 0;
      let hbb = 1e-9 + 1e-6 * y.length;
      for (let i = 0; i < y.length; i++) {
        const p = 1 / (1 + Math.exp(-(a + b * z[i])));
        const r = p - y[i];
        const w = p * (1 - p);
        ga += r;
        gb += r * z[i];
        haa += w;
        hab += w * z[i];
        hbb += w * z[i] * z[i];
      }
      gb += 1e-6 * y.length * b;
      const det = haa * hbb - hab * hab;
      if (!(det > 0)) break;
      const da = (hbb * ga - hab * gb) / det;
      const db = (haa * gb - hab * ga) / det;
      a -= Math.max(-5, Math.min(5, da));
      b -= Math.max(-5, Math.min(5, db));
      if (Math.abs(da) + Math.abs(db) < 1e-10) break;
    }
  }
  const slope = Math.max(0, b);
  const meanOffset = z.length > 0 ? z.reduce((sum, v) => sum + slope * v, 0) / z.length : 0;
  return { ...curve, slope, meanOffset };
}
