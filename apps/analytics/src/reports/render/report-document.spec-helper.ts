import { sumTotals, type DowntimePatternTotals, type OeeTotals } from '@shopfloor/analytics/oee';
import { chartsOf, DAILY_METRICS, machineTable, paretoTable, totalsTable } from '../report-builder';
import { type ReportDocument, type ReportParetoPoint, type ReportTable } from './report-document';

const MAIN_COLUMNS: ReportTable['columns'] = [
  { key: 'machine_id', label: 'Machine', unit: 'text' },
  { key: 'name', label: 'Name', unit: 'text' },
  { key: 'availability', label: 'Availability', unit: 'ratio' },
  { key: 'performance', label: 'Performance', unit: 'ratio' },
  { key: 'quality', label: 'Quality', unit: 'ratio' },
  { key: 'overall_oee', label: 'OEE', unit: 'ratio' },
  { key: 'planned_seconds', label: 'Planned time', unit: 'seconds' },
  { key: 'downtime_seconds', label: 'Downtime', unit: 'seconds' },
  { key: 'parts_produced', label: 'Parts produced', unit: 'count' },
  { key: 'parts_per_hour', label: 'Parts per hour', unit: 'count' },
  { key: 'last_stop', label: 'Last stop', unit: 'datetime' },
  { key: 'note', label: 'Note', unit: 'text' },
];

/** A day of a small CNC shop in Europe/Berlin, with every awkward value the renderers must carry through unchanged. */
export function shopDayReport(): ReportDocument {
  const rows: ReportTable['rows'] = [
    machine('M-001', 'Hermle C42', [0.912345, 0.87654, 0.993, 0.747937], 57_600, 5_054.75, 1_234, 77.125, '2026-11-02T09:14:03.250+01:00', 'Spindle warm-up\r\nafter weekend'),
    machine('M-002', 'DMG MORI "NLX 2500", Halle 2', [0.8, 0.9, 1, 0.72], 57_600, 11_520, 860, 53.75, '2026-11-02T14:02:00Z', '=SUM(A1)'),
    machine('M-003', 'Drehzentrum Süd', [0.655, 0.81234, 0.9876543, 0.525509], 28_800, 9_936, 412, 51.5, null, '-5 parts rework'),
    machine('M-004', 'Mazak Integrex i-200', [0.97, 0.95, 0.999, 0.920575], 86_400, 2_592, 2_048, 85.333333, '2026-11-02T23:59:59+01:00', '+49 711 shift lead'),
    machine('M-005', 'Okuma LB3000', [0.7, 0.6, 0.95, 0.399], 57_600, 17_280, 96, 6, '2026-11-02T06:00:00+01:00', '@ops please check'),
    machine('M-006', 'Haas VF-2', [0.88, 0.91, 0.97, 0.776776], 57_600, 6_912, 5_432, 339.5, '2026-11-02T12:30:00+01:00', '\tindented; 1,5 mm'),
    machine('M-007', 'Index C100', [0.99, 1.043, 0.989, 1.021233], 57_600, 576, 9_876, 617.25, '2026-11-02T03:00:00+01:00', 'ideal cycle time too long?'),
    machine('M-008', 'Spinner TC 600', [null, null, null, null], 0, 0, 0, null, null, null),
  ];
  const pareto = paretoOf([
    ['SPINDLE', 12_840],
    ['TOOL_BREAK', 7_260.5],
    ['NO_MATERIAL', 5_400],
    ['SETUP_OVERRUN', 3_120],
    ['NO_OPERATOR', 1_800],
    ['OTHER', 600],
  ]);
  return {
    title: 'OEE daily',
    period: { from: '2026-11-02T00:00:00+01:00', to: '2026-11-03T00:00:00+01:00' },
    timezone: 'Europe/Berlin',
    generated_at: '2026-11-03T06:15:00+01:00',
    tables: [
      { name: 'Machines', columns: MAIN_COLUMNS, rows },
      {
        name: 'Downtime by reason',
        columns: [
          { key: 'reason', label: 'Reason', unit: 'text' },
          { key: 'stops', label: 'Stops', unit: 'count' },
          { key: 'duration', label: 'Duration', unit: 'seconds' },
          { key: 'share', label: 'Share', unit: 'ratio' },
        ],
        rows: pareto.map((point, i) => ({ reason: point.label, stops: [14, 3, 5, 4, 2, 9][i], duration: point.duration, share: point.duration / 31_020.5 })),
      },
      {
        name: 'Stops [M-001]: details / log*? of the whole day',
        columns: [
          { key: 'machine_id', label: 'Machine', unit: 'text' },
          { key: 'start', label: 'Start', unit: 'datetime' },
          { key: 'duration', label: 'Duration', unit: 'seconds' },
          { key: 'reason', label: 'Reason', unit: 'text' },
        ],
        rows: [
          { machine_id: 'M-001', start: '2026-11-02T07:12:00+01:00', duration: 1_800.5, reason: 'SPINDLE' },
          { machine_id: 'M-001', start: '2026-11-02T09:14:03.250+01:00', duration: 3_254.25, reason: 'TOOL_BREAK' },
        ],
      },
    ],
    charts: {
      oee_by_machine: rows.map((row) => ({ label: `${String(row.machine_id)} ${String(row.name)}`, value: row.overall_oee as number | null })),
      downtime_pareto: pareto,
    },
  };
}

/** The same day with `count` machines, for pagination. */
export function manyMachinesReport(count: number): ReportDocument {
  const doc = shopDayReport();
  const rows = Array.from({ length: count }, (_, i) => {
    const id = `M-${String(i + 1).padStart(3, '0')}`;
    const oee = 0.4 + ((i * 37) % 59) / 100;
    return machine(id, `Hermle C${20 + (i % 30)}`, [0.9, 0.85, 0.99, oee], 57_600, 3_600 + i, 1_000 + i, 50 + i / 4, '2026-11-02T09:00:00+01:00', i % 10 === 0 ? 'scheduled maintenance' : null);
  });
  return {
    ...doc,
    tables: [{ ...doc.tables[0], rows }, ...doc.tables.slice(1)],
    charts: { ...doc.charts, oee_by_machine: rows.map((row) => ({ label: `${String(row.machine_id)} ${String(row.name)}`, value: row.overall_oee as number })) },
  };
}

function machine(
  id: string,
  name: string,
  [availability, performance, quality, oee]: (number | null)[],
  planned: number,
  downtime: number,
  parts: number,
  perHour: number | null,
  lastStop: string | null,
  note: string | null,
): ReportTable['rows'][number] {
  return {
    machine_id: id,
    name,
    availability,
    performance,
    quality,
    overall_oee: oee,
    planned_seconds: planned,
    downtime_seconds: downtime,
    parts_produced: parts,
    parts_per_hour: perHour,
    last_stop: lastStop,
    note,
  };
}

function paretoOf(reasons: [string, number][]): ReportParetoPoint[] {
  const total = reasons.reduce((sum, [, duration]) => sum + duration, 0);
  let running = 0;
  return reasons.map(([label, duration]) => {
    running += duration;
    return { label, duration, cumulative_share: running / total };
  });
}

/** A machine of `dailyReport`: its names and the totals of its day. */
export interface DailyMachine {
  machineId: string;
  name: string;
  type: string;
  location: string | null;
  totals: OeeTotals;
}

const HOUR_MS = 3_600_000;

/**
 * One day of a machine: 24 h planned, an hour of planned stops (half of it setup), `unplannedS` of breakdowns in
 * `failures` events, 10 min of small stops, `parts` at a 30 s ideal cycle with 2 % scrap.
 */
export function machineDay(unplannedS: number, failures: number, parts: number): OeeTotals {
  const plannedProductionMs = 24 * HOUR_MS;
  const plannedStopMs = HOUR_MS;
  const unplannedStopMs = unplannedS * 1000;
  const scrap = Math.round(parts * 0.02);
  return {
    calendarMs: plannedProductionMs,
    noProductionMs: 0,
    plannedProductionMs,
    plannedStopMs,
    setupMs: HOUR_MS / 2,
    unplannedStopMs,
    smallStopMs: 600_000,
    runMs: plannedProductionMs - plannedStopMs - unplannedStopMs,
    failures,
    partsProduced: parts,
    partsScrapped: scrap,
    idealProducedSeconds: parts * 30,
    idealScrappedSeconds: scrap * 30,
    partsWithoutIdealTime: 0,
  };
}

/** Machines named in Czech, Turkish, Hebrew and Chinese, and one with a very long name. */
export function internationalMachines(): DailyMachine[] {
  return [
    // 45,296 s of breakdowns in one failure: unplanned stops and MTTR are both 12:34:56.
    { machineId: 'M-101', name: 'Frézka Čížek', type: 'MILL', location: 'Hala 1', totals: machineDay(45_296, 1, 1_100) },
    { machineId: 'M-102', name: 'Torna Işıklı', type: 'LATHE', location: 'Bina B', totals: machineDay(5_400, 3, 2_300) },
    { machineId: 'M-103', name: 'מחרטה 3', type: 'LATHE', location: 'אולם 2', totals: machineDay(1_800, 2, 1_900) },
    { machineId: 'M-104', name: '车床 五号', type: 'LATHE', location: '二号车间', totals: machineDay(0, 0, 2_500) },
    {
      machineId: 'M-105',
      name: 'Mehrspindel-Drehautomat INDEX MS32-6 mit Stangenlademagazin und Späneförderer, Halle Nord, Linie 4',
      type: 'LATHE',
      location: 'Halle Nord',
      totals: machineDay(7_261, 4, 1_750),
    },
  ];
}

/** The daily report as ReportsService builds it, for the given machines of 2026-11-02 in Europe/Berlin. */
export function dailyReport(machines: DailyMachine[]): ReportDocument {
  const patterns: DowntimePatternTotals = {
    reasons: new Map([
      ['unplanned_stop|SPINDLE', { category: 'unplanned_stop', reason: 'SPINDLE', ms: 45_296_000, count: 1 }],
      ['unplanned_stop|TOOL_BREAK', { category: 'unplanned_stop', reason: 'TOOL_BREAK', ms: 14_461_000, count: 9 }],
      ['planned_stop|SETUP', { category: 'planned_stop', reason: 'SETUP', ms: 9_000_000, count: 5 }],
    ]),
    heatMs: new Array<number>(168).fill(0),
    heatCount: new Array<number>(168).fill(0),
    lossMs: 68_757_000,
  };
  return {
    title: 'OEE daily report 2026-11-02',
    period: { from: '2026-11-02T00:00:00+01:00', to: '2026-11-03T00:00:00+01:00' },
    timezone: 'Europe/Berlin',
    generated_at: '2026-11-03T06:15:00+01:00',
    tables: [machineTable('Machines', machines, DAILY_METRICS), paretoTable(patterns), totalsTable(sumTotals(machines.map((m) => m.totals)), DAILY_METRICS)],
    charts: chartsOf(machines, patterns),
  };
}
