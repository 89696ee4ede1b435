import { Injectable } from '@nestjs/common';
import {
  DEFAULT_CALENDAR_ID,
  DomainError,
  ErrorCode,
  type CustomReportRequest,
  type DailyReportQuery,
  type ReportFile,
  type ReportFileFormat,
  type ReportGroup,
  type ReportMetric,
} from '@shopfloor/contracts';
import { MachineRepository } from '@shopfloor/analytics/data-access';
import { downtimePatternTotals, oeeTotals, sumPatternTotals, sumTotals, type OeeTotals } from '@shopfloor/analytics/oee';
import { DateTime } from 'luxon';
import { CalendarsService } from '../calendars/calendars.service';
import { bucketTotals, periodBuckets, type BucketLimit } from '../period-facts/period-buckets';
import { invalidQuery, PeriodFactsLoader, periodOf, type PeriodFacts } from '../period-facts/period-facts.loader';
import { bucketTable, chartsOf, DAILY_METRICS, machineTable, paretoTable, totalsTable, type MachineTotals } from './report-builder';
import { renderReport, reportFileName, type ReportDocument, type ReportTable } from './render';

/** Leaves room for base64 inside NATS' 1 MB message limit. */
const MAX_FILE_BYTES = 700 * 1024;
const MAX_ROWS = 1000;
const ROW_LIMIT: BucketLimit = { field: 'group_by', max: MAX_ROWS, maxHours: MAX_ROWS, tooMany: () => `more than ${MAX_ROWS} rows; choose a coarser group_by or a shorter period` };

/**
 * The daily report and custom reports, as JSON, CSV, XLSX or PDF: the same numbers as the OEE and downtime-pattern
 * endpoints (the same engine on the same facts), laid out as tables and charts.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly facts: PeriodFactsLoader,
    private readonly machines: MachineRepository,
    private readonly calendars: CalendarsService,
  ) {}

  async daily(query: DailyReportQuery, now: Date = new Date()): Promise<ReportFile> {
    const zone = (await this.calendars.resolve([DEFAULT_CALENDAR_ID])).get(DEFAULT_CALENDAR_ID)?.calendar?.timezone ?? 'UTC';
    const day = query.date ? DateTime.fromISO(query.date, { zone }) : DateTime.fromJSDate(now, { zone }).minus({ days: 1 });
    if (!day.isValid) throw invalidQuery('date', 'date must be a real calendar day', query.date ?? null);
    const from = day.startOf('day').toJSDate();
    const to = day.startOf('day').plus({ days: 1 }).toJSDate();
    const facts = await this.facts.load({}, from, to, now);
    const doc = await this.document({ title: `OEE daily report ${day.toISODate() ?? ''}`, from, to, zone, now, facts, metrics: DAILY_METRICS }, (machines) =>
      machineTable('Machines', machines, DAILY_METRICS),
    );
    return render(doc, query.format ?? 'json');
  }

  async custom(request: CustomReportRequest, now: Date = new Date()): Promise<ReportFile> {
    const { from, to } = periodOf(request, now);
    const group: ReportGroup = request.group_by ?? 'machine';
    if (request.machine_ids) {
      const known = new Set((await this.machines.findActiveMany(request.machine_ids)).map((m) => m.machineId));
      const unknown = request.machine_ids.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new DomainError(ErrorCode.MachineNotFound, `Unknown machines: ${unknown.slice(0, 10).join(', ')}`, { machine_ids: unknown });
    }
    const facts = await this.facts.load({ machineIds: request.machine_ids }, from, to, now);
    const zone = facts.displayCalendar?.timezone ?? 'UTC';
    const doc = await this.document({ title: request.title ?? 'OEE report', from, to, zone, now, facts, metrics: request.metrics }, (machines) =>
      group === 'machine' ? machineTable('Machines', machines, request.metrics) : bucketTable(`By ${group}`, group, this.bucketTotals(facts, group, from, to), request.metrics),
    );
    return render(doc, request.format ?? 'json');
  }

  /** A report of the period's facts: the main table, then the downtime Pareto and the totals, and the charts every report carries. */
  private async document(report: ReportFrame, main: (machines: MachineTotals[]) => ReportTable): Promise<ReportDocument> {
    const { facts, from, to, zone, metrics } = report;
    const machines = (await this.facts.labelled(facts)).map(({ input, ...label }) => ({ ...label, totals: oeeTotals(input) }));
    const patterns = sumPatternTotals([...facts.inputs.values()].map((input) => downtimePatternTotals({ ...input, heatmapZone: zone })));
    return {
      title: report.title,
      period: { from: DateTime.fromJSDate(from, { zone }).toISO() ?? from.toISOString(), to: DateTime.fromJSDate(to, { zone }).toISO() ?? to.toISOString() },
      timezone: zone,
      generated_at: report.now.toISOString(),
      tables: [main(machines), paretoTable(patterns), totalsTable(sumTotals(machines.map((m) => m.totals)), metrics)],
      charts: chartsOf(machines, patterns),
    };
  }

  private bucketTotals(facts: PeriodFacts, group: Exclude<ReportGroup, 'machine'>, from: Date, to: Date): { from: number; to: number; label: string; totals: OeeTotals }[] {
    const list = periodBuckets(from, to, group, facts.displayCalendar, ROW_LIMIT);
    const totals = bucketTotals(facts.inputs.values(), list);
    return list.map((b, i) => ({ from: b.from, to: b.to, label: b.label, totals: totals[i] }));
  }
}

/** What a report is of, besides its main table. */
interface ReportFrame {
  title: string;
  from: Date;
  to: Date;
  zone: string;
  now: Date;
  facts: PeriodFacts;
  metrics: ReportMetric[];
}

async function render(doc: ReportDocument, format: ReportFileFormat): Promise<ReportFile> {
  const rendered = await renderReport(doc, format);
  if (rendered.body.length > MAX_FILE_BYTES) {
    throw new DomainError(ErrorCode.ValidationFailed, 'The report is too large; choose fewer machines, a shorter period or a coarser grouping', { bytes: rendered.body.length }, [
      { field: 'to', message: 'the report would be too large', invalid_value: null },
    ]);
  }
  return { file_name: reportFileName(doc, format), content_type: rendered.contentType, body_base64: rendered.body.toString('base64') };
}
