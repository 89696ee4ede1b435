import { OEE_BENCHMARK } from './oee.constants';
import type { OeeFigures, OeeTotals } from './oee.types';

const MS_PER_SECOND = 1_000;

/** API.md: a ratio with a zero denominator (or a missing factor) is null, not 0 and not NaN. Never clamped. */
function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

function product(...factors: (number | null)[]): number | null {
  return factors.some((f) => f === null) ? null : factors.reduce<number>((p, f) => p * (f as number), 1);
}

/**
 * The public numbers from additive totals (one machine, a bucket, or a sum of them).
 *
 * OEE (API.md "OEE conventions"): availability = run / planned production; performance = Σ(ideal × produced) / run;
 * quality = good / produced; overall = a × p × q. Performance counts only parts whose job has an ideal cycle time
 * (the time of the others stays in the run time, so it cannot be overstated); with no such parts at all it is null
 * rather than a pretended 0 — `partsWithoutIdealTime` in the totals says how many parts lacked one.
 *
 * Losses are the six big losses as time (seconds); they add up to planned production time:
 * planned + unplanned + small + slow_cycles + production_rejects + Σ(ideal × good).
 *
 * KPIs with the formulas of ISO 22400-2 (time elements: APT actual production time, ADET actual unit delay time, AUST
 * actual unit setup time, AUPT = APT + AUST actual unit processing time, PBT planned busy time). In its time model
 * setup lies inside the planned busy time, so PBT = planned production − the planned stops other than setup:
 * - technical efficiency = APT / (APT + ADET);
 * - setup rate = AUST / AUPT;
 * - scrap ratio = scrap quantity / produced quantity;
 * - NEE index = AUPT / PBT × effectiveness × quality ratio, effectiveness = Σ(ideal × produced) / APT;
 * - MTBF = Σ TBF / FE, with TBF the operating time between failures, which "includes setup time and production time
 *   [...] but no delay times" (ISO 22400-2 after IEC 60050-191), so Σ TBF = AUPT; MTTR (mean time to restoration)
 *   = Σ TTR / FE, TTR being the failures' down time (unplanned_stop_time). FE = failure events = `failures`.
 */
export function oeeFigures(totals: OeeTotals): OeeFigures {
  const seconds = (ms: number): number => ms / MS_PER_SECOND;
  const plannedProduction = seconds(totals.plannedProductionMs);
  const run = seconds(totals.runMs);
  const plannedStop = seconds(totals.plannedStopMs);
  const unplannedStop = seconds(totals.unplannedStopMs);
  const smallStop = seconds(totals.smallStopMs);
  const produced = totals.partsProduced;
  const scrapped = totals.partsScrapped;
  const good = produced - scrapped;
  const ideal = totals.idealProducedSeconds;
  const idealScrap = totals.idealScrappedSeconds;

  // Time ratios are taken on the integer milliseconds, so that they carry no rounding from the unit conversion.
  const availability = ratio(totals.runMs, totals.plannedProductionMs);
  // Null, not 0, when no part has a known ideal time: there is nothing to measure speed by.
  const performance = ideal > 0 ? ratio(ideal, run) : null;
  const quality = ratio(good, produced);
  const overall = product(availability, performance, quality);

  // ISO 22400-2 time elements. APT excludes the small stops (they are delays, ADET); our planned stops hold setup
  // (AUST, inside the planned busy time) and planned maintenance (PDOT, outside it).
  const aptMs = totals.runMs - totals.smallStopMs;
  const adetMs = totals.unplannedStopMs + totals.smallStopMs;
  const auptMs = aptMs + totals.setupMs;
  const pbtMs = totals.plannedProductionMs - (totals.plannedStopMs - totals.setupMs);
  const apt = seconds(aptMs);
  const aupt = seconds(auptMs);
  const effectiveness = ideal > 0 ? ratio(ideal, apt) : null;

  return {
    availability,
    performance,
    quality,
    overall_oee: overall,
    benchmark_comparison: ratio(overall, OEE_BENCHMARK),
    time_model: {
      planned_production_time: plannedProduction,
      run_time: run,
      planned_stop_time: plannedStop,
      unplanned_stop_time: unplannedStop,
      small_stop_time: smallStop,
    },
    counts: { total: produced, good, scrap: scrapped },
    losses: {
      unplanned_stops: unplannedStop,
      planned_stops: plannedStop,
      small_stops: smallStop,
      // Negative when the ideal cycle times claim more output than the run time allows (dishonest standards); shown
      // as is, not clamped, so that the losses still add up and the bad standard is visible.
      slow_cycles: run - smallStop - ideal,
      production_rejects: idealScrap,
    },
    kpis: {
      technical_efficiency: ratio(aptMs, aptMs + adetMs),
      setup_rate: ratio(totals.setupMs, auptMs),
      scrap_ratio: ratio(scrapped, produced),
      nee: product(ratio(auptMs, pbtMs), effectiveness, quality),
      mtbf: ratio(aupt, totals.failures),
      mttr: ratio(unplannedStop, totals.failures),
      failures: totals.failures,
    },
  };
}
