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
