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
} from '@shopfloor/contracts';
import { MachineRepository } from '@shopfloor/analytics/data-access';
import { buckets, CalendarError, downtimePatternTotals, oeeSeriesTotals, oeeTotals, sumPatternTotals, sumTotals, type OeeTotals } from '@shopfloor/analytics/oee';
import { DateTime } from 'luxon';
import { CalendarsService } from '../calendars/calendars.service';
import { invalidQuery, PeriodFactsLoader, periodOf, type PeriodFacts } from '../period-facts/period-facts.loader';
import { bucketTable, chartsOf, DAILY_METRICS, machineTable, paretoTable, totalsTable, type MachineTotals } from './report-builder';
import { renderReport, reportFileName, type ReportDocument } from './render';

/** Leaves room for base64 inside NATS' 1 MB message limit. */
const MAX_FILE_BYTES = 700 * 1024;
const MAX_ROWS = 1000;

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
    const machines = await this.machineTotals(facts);
    const patterns = this.patterns(facts, zone);
    const doc: ReportDocument = {
      title: `OEE daily report ${day.toISODate() ?? ''}`,
      period: { from: DateTime.fromJSDate(from, { zone }).toISO() ?? from.toISOString(), to: DateTime.fromJSDate(to, { zone }).toISO() ?? to.toISOString() },
      timezone: zone,
      generated_at: now.toISOString(),
      tables: [machineTable('Machines', machines, DAILY_METRICS), paretoTable(patterns), totalsTable(sumTotals(machines.map((m) => m.totals)), DAILY_METRICS)],
      charts: chartsOf(machines, patterns),
    };
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
    const machines = await this.machineTotals(facts);
    const patterns = this.patterns(facts, zone);
    const main =
      group === 'machine'
        ? machineTable('Machines', machines, request.metrics)
        : bucketTable(`By ${group}`, group, this.bucketTotals(facts, group, from, to), request.metrics);
    const doc: ReportDocument = {
      title: request.title ?? 'OEE report',
      period: { from: DateTime.fromJSDate(from, { zone }).toISO() ?? from.toISOString(), to: DateTime.fromJSDate(to, { zone }).toISO() ?? to.toISOString() },
      timezone: zone,
      generated_at: now.toISOString(),
      tables: [main, paretoTable(patterns), totalsTable(sumTotals(machines.map((m) => m.totals)), request.metrics)],
      charts: chartsOf(machines, patterns),
    };
    return render(doc, request.format ?? 'json');
  }

  private async machineTotals(facts: PeriodFacts): Promise<MachineTotals[]> {
    const entities = new Map((await this.machines.findActiveMany(facts.machineIds)).map((m) => [m.machineId, m]));
    return [...facts.inputs].map(([id, input]) => {
      const m = entities.get(id);
      return { machineId: id, name: m?.name ?? id, type: m?.type ?? '', location: m?.location ?? null, totals: oeeTotals(input) };
    });
  }

  private patterns(facts: PeriodFacts, zone: string) {
    return sumPatternTotals([...facts.inputs.values()].map((input) => downtimePatternTotals({ ...input, heatmapZone: zone })));
  }

  private bucketTotals(facts: PeriodFacts, group: Exclude<ReportGroup, 'machine'>, from: Date, to: Date): { from: number; to: number; label: string; totals: OeeTotals }[] {
    if (group === 'hour' && (to.getTime() - from.getTime()) / 3_600_000 > MAX_ROWS) throw invalidQuery('group_by', `more than ${MAX_ROWS} rows; choose a coarser group_by or a shorter period`, group);
    let list;
    try {
      list = buckets(from.getTime(), to.getTime(), group, facts.displayCalendar);
    } catch (error) {
      if (error instanceof CalendarError) throw invalidQuery('group_by', error.message, group);
      throw error;
    }
    if (list.length > MAX_ROWS) throw invalidQuery('group_by', `more than ${MAX_ROWS} rows; choose a coarser group_by or a shorter period`, group);
    const perBucket: OeeTotals[][] = list.map(() => []);
    for (const input of facts.inputs.values()) oeeSeriesTotals(input, list).forEach((t, i) => perBucket[i].push(t));
    return list.map((b, i) => ({ from: b.from, to: b.to, label: b.label, totals: sumTotals(perBucket[i]) }));
  }
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
