/** How a column's values are meant, so that each format can show them right (a ratio is 0..1, never a percent). */
export type ReportColumnUnit = 'text' | 'ratio' | 'seconds' | 'count' | 'datetime';

export interface ReportColumn {
  key: string;
  label: string;
  unit: ReportColumnUnit;
}

/** Null is "no value" (e.g. OEE of a machine without planned time); datetimes are ISO 8601 strings. */
export type ReportCell = string | number | null;

export interface ReportTable {
  name: string;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
}

export interface ReportChartPoint {
  label: string;
  value: number | null;
}

export interface ReportParetoPoint {
  label: string;
  duration: number;
  cumulative_share: number | null;
}

/** The model every format renders; the JSON format is this document itself. */
export interface ReportDocument {
  title: string;
  /** ISO 8601 with offset; `to` is exclusive, as every period in analytics. */
  period: { from: string; to: string };
  /** IANA zone the report's times are shown in. */
  timezone: string;
  /** ISO 8601. */
  generated_at: string;
  /** tables[0] is the main one (rows per machine or per group). */
  tables: ReportTable[];
  charts: { oee_by_machine: ReportChartPoint[]; downtime_pareto: ReportParetoPoint[] };
}

export type ReportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';

/** Every format, for validating a requested one (e.g. `@IsIn(REPORT_FORMATS)`). */
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'xlsx', 'pdf'];

export interface RenderedReport {
  contentType: string;
  /** Without the dot: `csv`. */
  fileExtension: string;
  body: Buffer;
}
