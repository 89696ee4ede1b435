import type { ReportGroup, ReportMetric } from '@shopfloor/contracts';
import { oeeFigures, paretoOf, type DowntimePatternTotals, type OeeFigures, type OeeTotals } from '@shopfloor/analytics/oee';
import type { ReportColumn, ReportColumnUnit, ReportDocument, ReportTable } from './render';

/** A machine of a report with its totals for the period. */
export interface MachineTotals {
  machineId: string;
  name: string;
  type: string;
  location: string | null;
  totals: OeeTotals;
}

const RATIOS: ReportMetric[] = ['availability', 'performance', 'quality', 'overall_oee', 'benchmark_comparison', 'technical_efficiency', 'setup_rate', 'scrap_ratio', 'nee'];
const COUNTS: ReportMetric[] = ['total', 'good', 'scrap', 'failures'];

const LABELS: Record<ReportMetric, string> = {
  availability: 'Availability',
  performance: 'Performance',
  quality: 'Quality',
  overall_oee: 'OEE',
  benchmark_comparison: 'OEE / 85 %',
  planned_production_time: 'Planned production time (s)',
  run_time: 'Run time (s)',
  planned_stop_time: 'Planned stops (s)',
  unplanned_stop_time: 'Unplanned stops (s)',
  small_stop_time: 'Small stops (s)',
  total: 'Parts',
  good: 'Good parts',
  scrap: 'Scrap',
  failures: 'Failures',
  mtbf: 'MTBF (s)',
  mttr: 'MTTR (s)',
  technical_efficiency: 'Technical efficiency',
  setup_rate: 'Setup rate',
  scrap_ratio: 'Scrap ratio',
  nee: 'NEE',
};

/** The metrics of the daily report, in its column order. */
export const DAILY_METRICS: ReportMetric[] = [
  'availability',
  'performance',
  'quality',
  'overall_oee',
  'planned_production_time',
  'run_time',
  'unplanned_stop_time',
  'planned_stop_time',
  'small_stop_time',
  'total',
  'good',
  'scrap',
  'failures',
  'mtbf',
  'mttr',
];

function unitOf(metric: ReportMetric): ReportColumnUnit {
  if (RATIOS.includes(metric)) return 'ratio';
  if (COUNTS.includes(metric)) return 'count';
  return 'seconds';
}

function metricColumns(metrics: ReportMetric[]): ReportColumn[] {
  return metrics.map((key) => ({ key, label: LABELS[key], unit: unitOf(key) }));
}

/** One metric read off the engine's figures (the same numbers the OEE endpoint gives). */
export function metricValue(f: OeeFigures, metric: ReportMetric): number | null {
  switch (metric) {
    case 'availability':
    case 'performance':
    case 'quality':
    case 'overall_oee':
    case 'benchmark_comparison':
      return f[metric];
    case 'planned_production_time':
    case 'run_time':
    case 'planned_stop_time':
    case 'unplanned_stop_time':
    case 'small_stop_time':
      return f.time_model[metric];
    case 'total':
    case 'good':
    case 'scrap':
      return f.counts[metric];
    case 'failures':
    case 'mtbf':
    case 'mttr':
    case 'technical_efficiency':
    case 'setup_rate':
    case 'scrap_ratio':
    case 'nee':
      return f.kpis[metric];
  }
}

/** Rows per machine: id, name, type, location, then the metrics. */
export function machineTable(name: string, machines: MachineTotals[], metrics: ReportMetric[]): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'machine_id', label: 'Machine', unit: 'text' },
    { key: 'name', label: 'Name', unit: 'text' },
    { key: 'type', label: 'Type', unit: 'text' },
    { key: 'location', label: 'Location', unit: 'text' },
    ...metricColumns(metrics),
  ];
  const rows = machines.map((m) => {
    const f = oeeFigures(m.totals);
    return { machine_id: m.machineId, name: m.name, type: m.type, location: m.location, ...Object.fromEntries(metrics.map((k) => [k, metricValue(f, k)])) };
  });
  return { name, columns, rows };
}

/** Rows per time bucket (all selected machines summed). */
export function bucketTable(name: string, group: Exclude<ReportGroup, 'machine'>, buckets: { from: number; to: number; label: string; totals: OeeTotals }[], metrics: ReportMetric[]): ReportTable {
  const columns: ReportColumn[] = [
    { key: group, label: group[0].toUpperCase() + group.slice(1), unit: 'text' },
    { key: 'from', label: 'From', unit: 'datetime' },
    { key: 'to', label: 'To', unit: 'datetime' },
    ...metricColumns(metrics),
  ];
  const rows = buckets.map((b) => {
    const f = oeeFigures(b.totals);
    return { [group]: b.label, from: new Date(b.from).toISOString(), to: new Date(b.to).toISOString(), ...Object.fromEntries(metrics.map((k) => [k, metricValue(f, k)])) };
  });
  return { name, columns, rows };
}

export function totalsTable(totals: OeeTotals, metrics: ReportMetric[]): ReportTable {
  const f = oeeFigures(totals);
  return { name: 'Totals', columns: metricColumns(metrics), rows: [Object.fromEntries(metrics.map((k) => [k, metricValue(f, k)]))] };
}

export function paretoTable(patterns: DowntimePatternTotals): ReportTable {
  return {
    name: 'Downtime Pareto',
    columns: [
      { key: 'reason_code', label: 'Reason', unit: 'text' },
      { key: 'category', label: 'Category', unit: 'text' },
      { key: 'duration', label: 'Lost time (s)', unit: 'seconds' },
      { key: 'count', label: 'Stops', unit: 'count' },
      { key: 'share', label: 'Share', unit: 'ratio' },
      { key: 'cumulative_share', label: 'Cumulative share', unit: 'ratio' },
    ],
    rows: paretoOf(patterns).map((e) => ({ ...e })),
  };
}

/** The charts every report carries: OEE by machine and the downtime Pareto. */
export function chartsOf(machines: MachineTotals[], patterns: DowntimePatternTotals): ReportDocument['charts'] {
  return {
    oee_by_machine: machines.map((m) => ({ label: m.machineId, value: oeeFigures(m.totals).overall_oee })),
    downtime_pareto: paretoOf(patterns).map((e) => ({ label: e.reason_code, duration: e.duration, cumulative_share: e.cumulative_share })),
  };
}
