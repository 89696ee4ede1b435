/**
 * Failure and maintenance figures from Microsoft's Azure AI predictive-maintenance sample ("azure-pdm": 70 machines,
 * failures and maintenance with hourly timestamps over 2020, machines running around the clock). The product
 * ships these numbers, not the data; azure-pdm-calibration.spec.ts derives each one from the CSVs again.
 */
export const AZURE_PDM = {
  /** Machines in PdM_machines.csv. */
  machines: 70,
  /** Hours in the observed year 2020 (a leap year). */
  observedHours: 8784,
  /** Failure events (distinct machine + timestamp in PdM_failures.csv; 508 component rows) in 2020: 477. */
  failureEvents: 477,
  /**
   * Planned maintenance visits in 2020: distinct machine + timestamp in PdM_maint.csv that do not coincide with a
   * failure of that machine (those are repairs): 1,043.
   */
  plannedMaintenanceVisits: 1043,
  /**
   * Weibull shape of component life, time since that component's last maintenance to its failure: maximum
   * likelihood over 2,313 maintenance-to-maintenance intervals (failures as events, the rest right-censored,
   * the first interval of 2020 left-truncated). > 1 means wear-out: the hazard rises with time since maintenance.
   */
  weibullShape: 1.84,
  /** Share of failures by component (comp1..comp4 rows of PdM_failures.csv: 132, 178, 75, 123 of 508). */
  componentFailureShares: [0.26, 0.35, 0.148, 0.242],
} as const;

/** Breakdowns per operating hour: the fleet runs around the clock, so calendar hours are operating hours. */
export const BREAKDOWN_RATE_PER_OPERATING_HOUR = AZURE_PDM.failureEvents / (AZURE_PDM.machines * AZURE_PDM.observedHours);

/** Mean operating hours between planned maintenance visits (≈ 590 h). */
export const PLANNED_MAINTENANCE_INTERVAL_H = (AZURE_PDM.machines * AZURE_PDM.observedHours) / AZURE_PDM.plannedMaintenanceVisits;

/**
 * Weibull scale λ (operating hours) such that a machine renewed by planned maintenance every `intervalH` hours and
 * by repair after each breakdown fails at `ratePerHour` in the long run. Renewal–reward: a cycle ends at
 * min(X, T) with X ~ Weibull(k, λ), so the rate is F(T) / E[min(X, T)] = F(T) / ∫₀ᵀ S(t) dt.
 */
export function solveWeibullScale(shape: number, intervalH: number, ratePerHour: number): number {
  const rate = (scale: number): number => {
    const steps = 400;
    const h = intervalH / steps;
    let survivalIntegral = 0;
    for (let i = 0; i < steps; i++) survivalIntegral += Math.exp(-Math.pow(((i + 0.5) * h) / scale, shape)) * h;
    return (1 - Math.exp(-Math.pow(intervalH / scale, shape))) / survivalIntegral;
  };
  // The rate falls as the scale grows: bisect on a log scale.
  let lo = 1;
  let hi = 1e7;
  for (let i = 0; i < 80; i++) {
    const mid = Math.sqrt(lo * hi);
    if (rate(mid) > ratePerHour) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** ≈ 867 operating hours with the figures above. */
export const BREAKDOWN_WEIBULL_SCALE_H = solveWeibullScale(AZURE_PDM.weibullShape, PLANNED_MAINTENANCE_INTERVAL_H, BREAKDOWN_RATE_PER_OPERATING_HOUR);
