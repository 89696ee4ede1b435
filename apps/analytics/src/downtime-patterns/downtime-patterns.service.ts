import { Injectable } from '@nestjs/common';
import type { DowntimePatternsQuery, DowntimePatternsView, MachineLossView } from '@shopfloor/contracts';
import { downtimePatternTotals, heatmapOf, oeeFigures, oeeTotals, paretoOf, sumPatternTotals, sumTotals } from '@shopfloor/analytics/oee';
import { AnalyticsCache } from '../cache/analytics-cache';
import type { CachedAnswer } from '../cache/cached-answer';
import { AnalyticsEnv } from '../config/analytics.env';
import { calendarSource, PeriodFactsLoader, periodOf } from '../period-facts/period-facts.loader';

const TOP_LOSERS = 10;

/**
 * Where the time goes: a Pareto of lost time by reason, a heat map by hour of the week on the calendar's wall clock,
 * MTBF and MTTR (from the same totals as OEE, so the numbers agree), and the machines losing most to unplanned stops.
 */
@Injectable()
export class DowntimePatternsService {
  constructor(
    private readonly facts: PeriodFactsLoader,
    private readonly env: AnalyticsEnv,
    private readonly cache: AnalyticsCache,
  ) {}

  async get(query: DowntimePatternsQuery, now: Date = new Date()): Promise<CachedAnswer<DowntimePatternsView>> {
    const { from, to } = periodOf(query, now);
    const machineId = query.machine_id ?? null;
    const request = { machine_id: machineId, from: from.getTime(), to: to.getTime(), micro: this.env.OEE_MICRO_STOP_SECONDS };
    const { answer } = await this.cache.getOrCompute('downtime-patterns', request, { machineId, from: from.getTime(), to: to.getTime() }, now.getTime(), () =>
      this.compute(machineId, from, to, now),
    );
    return answer;
  }

  private async compute(machineId: string | null, from: Date, to: Date, now: Date): Promise<DowntimePatternsView> {
    const facts = await this.facts.loadMachineOrAll(machineId, from, to, now);
    const heatmapZone = facts.displayCalendar?.timezone ?? 'UTC';
    const patterns = [];
    const oee = [];
    const losers: MachineLossView[] = [];
    for (const [id, input] of facts.inputs) {
      patterns.push(downtimePatternTotals({ ...input, heatmapZone }));
      const totals = oeeTotals(input);
      oee.push(totals);
      const f = oeeFigures(totals);
      losers.push({
        machine_id: id,
        unplanned_stop_time: f.time_model.unplanned_stop_time,
        small_stop_time: f.time_model.small_stop_time,
        planned_stop_time: f.time_model.planned_stop_time,
        failures: f.kpis.failures,
        availability: f.availability,
        mtbf: f.kpis.mtbf,
        mttr: f.kpis.mttr,
      });
    }
    const pattern = sumPatternTotals(patterns);
    const kpis = oeeFigures(sumTotals(oee)).kpis;
    return {
      machine_id: machineId,
      machine_count: facts.machineIds.length,
      period: { from: from.toISOString(), to: to.toISOString() },
      calendar: calendarSource(facts.machineIds.map((id) => facts.applying.get(id))),
      timezone: heatmapZone,
      micro_stop_threshold_seconds: facts.microStopThresholdSeconds,
      lost_time: pattern.lossMs / 1000,
      pareto: paretoOf(pattern),
      heatmap: heatmapOf(pattern),
      mtbf: kpis.mtbf,
      mttr: kpis.mttr,
      failures: kpis.failures,
      top_losers: losers
        .filter((l) => l.unplanned_stop_time > 0 || l.small_stop_time > 0)
        .sort((a, b) => b.unplanned_stop_time - a.unplanned_stop_time || b.small_stop_time - a.small_stop_time || a.machine_id.localeCompare(b.machine_id))
        .slice(0, TOP_LOSERS),
    };
  }
}
