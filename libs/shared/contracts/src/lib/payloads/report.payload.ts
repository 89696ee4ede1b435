import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Omittable } from './omittable';

export const REPORT_FILE_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

/** Metrics a custom report may ask for; each is a column of its table. */
export const REPORT_METRICS = [
  'availability',
  'performance',
  'quality',
  'overall_oee',
  'benchmark_comparison',
  'planned_production_time',
  'run_time',
  'planned_stop_time',
  'unplanned_stop_time',
  'small_stop_time',
  'total',
  'good',
  'scrap',
  'failures',
  'mtbf',
  'mttr',
  'technical_efficiency',
  'setup_rate',
  'scrap_ratio',
  'nee',
] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];

export const REPORT_GROUPS = ['machine', 'hour', 'shift', 'day', 'week'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** `GET /api/v1/reports/daily?date&format`. */
export class DailyReportQuery {
  /** The day in the shop's default calendar zone (UTC without one); default yesterday. */
  @Omittable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;

  @Omittable()
  @IsIn(REPORT_FILE_FORMATS)
  format?: ReportFileFormat;
}

/** `POST /api/v1/reports/custom`. */
export class CustomReportRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPORT_METRICS.length)
  @ArrayUnique()
  @IsIn(REPORT_METRICS, { each: true })
  metrics!: ReportMetric[];

  /** Default: every machine. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  machine_ids?: string[];

  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;

  /** Rows per machine, or per time bucket of all selected machines together. Default machine. */
  @Omittable()
  @IsIn(REPORT_GROUPS)
  group_by?: ReportGroup;

  @Omittable()
  @IsIn(REPORT_FILE_FORMATS)
  format?: ReportFileFormat;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title?: string;
}

/** A rendered report file as it travels from analytics to the gateway. */
export interface ReportFile {
  file_name: string;
  content_type: string;
  body_base64: string;
}
