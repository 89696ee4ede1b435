import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  AZURE_PDM,
  BREAKDOWN_RATE_PER_OPERATING_HOUR,
  BREAKDOWN_WEIBULL_SCALE_H,
  PLANNED_MAINTENANCE_INTERVAL_H,
  solveWeibullScale,
} from './azure-pdm-calibration';

/** The public data sets sit in `shared/data` beside the repository: walk up until it is found. */
function azurePdmDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', 'azure-pdm');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`shared/data/azure-pdm not found above ${__dirname}`);
}

function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(azurePdmDir(), name), 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i] ?? `c${i}`, value])));
}

const toMs = (datetime: string): number => Date.parse(`${datetime.replace(' ', 'T')}Z`);
const YEAR_START = Date.UTC(2020, 0, 1);
const YEAR_END = Date.UTC(2021, 0, 1);

describe('AZURE_PDM, derived again from shared/data/azure-pdm', () => {
  const machines = readCsv('PdM_machines.csv');
  const failures = readCsv('PdM_failures.csv');
  const maintenance = readCsv('PdM_maint.csv');
  const failureKeys = new Set(failures.map((f) => `${f['machineID']}|${f['datetime']}`));

  it('counts the fleet and the observed year', () => {
    expect(machines).toHaveLength(AZURE_PDM.machines);
    expect(failures.every((f) => toMs(f['datetime'] ?? '') >= YEAR_START && toMs(f['datetime'] ?? '') < YEAR_END)).toBe(true);
    expect((YEAR_END - YEAR_START) / 3_600_000).toBe(AZURE_PDM.observedHours);
  });

  it('derives the failure events per machine-year', () => {
    expect(failureKeys.size).toBe(AZURE_PDM.failureEvents);
    const perMachineYear = failureKeys.size / AZURE_PDM.machines / (AZURE_PDM.observedHours / 8766);
    expect(perMachineYear).toBeCloseTo(6.8, 1);
    expect(BREAKDOWN_RATE_PER_OPERATING_HOUR * 8766).toBeCloseTo(perMachineYear, 6);
  });

  it('derives the planned maintenance cadence (visits that are not repairs)', () => {
    const visits = new Set(
      maintenance
        .filter((m) => toMs(m['datetime'] ?? '') >= YEAR_START && toMs(m['datetime'] ?? '') < YEAR_END)
        .map((m) => `${m['machineID']}|${m['datetime']}`)
        .filter((key) => !failureKeys.has(key)),
    );
    expect(visits.size).toBe(AZURE_PDM.plannedMaintenanceVisits);
    expect(PLANNED_MAINTENANCE_INTERVAL_H).toBeCloseTo((AZURE_PDM.machines * AZURE_PDM.observedHours) / visits.size, 6);
    expect(PLANNED_MAINTENANCE_INTERVAL_H).toBeGreaterThan(580);
    expect(PLANNED_MAINTENANCE_INTERVAL_H).toBeLessThan(600);
  });

  it('fits the Weibull shape of component life since maintenance (wear-out, k > 1)', () => {
    // One interval per maintenance of a component: to its next maintenance (an event if that was a failure
    // replacement, censored otherwise) or to the end of the year; left-truncated at the start of 2020.
    const failed = new Set(failures.map((f) => `${f['machineID']}|${f['failure']}|${f['datetime']}`));
    const byComponent = new Map<string, number[]>();
    for (const m of maintenance) {
      const key = `${m['machineID']}|${m['comp']}`;
      const list = byComponent.get(key) ?? [];
      list.push(toMs(m['datetime'] ?? ''));
      byComponent.set(key, list);
    }
    const intervals: { entry: number; exit: number; event: boolean }[] = [];
    for (const [key, times] of byComponent) {
      const sorted = [...new Set(times)].sort((a, b) => a - b);
      sorted.forEach((start, i) => {
        if (start >= YEAR_END) return;
        const next = sorted[i + 1] ?? YEAR_END;
        if (next <= YEAR_START) return;
        const end = Math.min(next, YEAR_END);
        const nextStamp = new Date(next).toISOString().replace('T', ' ').slice(0, 19);
        intervals.push({
          entry: Math.max(0, YEAR_START - start) / 3_600_000,
          exit: (end - start) / 3_600_000,
          event: next < YEAR_END && failed.has(`${key}|${nextStamp}`),
        });
      });
    }
    const events = intervals.filter((i) => i.event);
    expect(intervals.length).toBeGreaterThan(2000);
    expect(events.length).toBeGreaterThan(450);
    // Profile likelihood: for a shape k the scale has a closed form, λ^k = Σ(exit^k − entry^k) / d.
    const profile = (k: number): number => {
      const lambdaK = intervals.reduce((s, i) => s + i.exit ** k - i.entry ** k, 0) / events.length;
      return events.reduce((s, i) => s + Math.log(k) + (k - 1) * Math.log(i.exit), 0) - events.length * Math.log(lambdaK) - events.length;
    };
    let best = 0.5;
    for (let k = 0.5; k <= 5; k += 0.01) if (profile(k) > profile(best)) best = k;
    expect(best).toBeCloseTo(AZURE_PDM.weibullShape, 2);
  });

  it('derives the share of failures per component', () => {
    const counts = ['comp1', 'comp2', 'comp3', 'comp4'].map((c) => failures.filter((f) => f['failure'] === c).length / failures.length);
    counts.forEach((share, i) => expect(share).toBeCloseTo(AZURE_PDM.componentFailureShares[i] ?? 0, 3));
  });
});

describe(solveWeibullScale.name, () => {
  it('solves the Weibull scale that reproduces the failure rate under that maintenance cadence', () => {
    expect(BREAKDOWN_WEIBULL_SCALE_H).toBeGreaterThan(800);
    expect(BREAKDOWN_WEIBULL_SCALE_H).toBeLessThan(950);
    // Doubling the maintenance interval must call for a longer-lived machine to keep the same rate.
    expect(solveWeibullScale(AZURE_PDM.weibullShape, 2 * PLANNED_MAINTENANCE_INTERVAL_H, BREAKDOWN_RATE_PER_OPERATING_HOUR)).toBeGreaterThan(
      BREAKDOWN_WEIBULL_SCALE_H,
    );
  });
});
