import { Injectable } from '@nestjs/common';
import type { EfficiencyQuery, EfficiencyView, MachineEfficiencyView } from '@shopfloor/contracts';
import { oeeTotals, sumTotals, type OeeTotals } from '@shopfloor/analytics/oee';
import { AnalyticsCache } from '../cache/analytics-cache';
import type { CachedAnswer } from '../cache/cached-answer';
import { AnalyticsEnv } from '../config/analytics.env';
import { figuresView } from './oee.service';
import { invalidQuery, PeriodFactsLoader, periodOf } from '../period-facts/period-facts.loader';

const MAX_IDS = 500;
const MACHINE_ID = /^[^,\s][^,]{0,49}$/;

/** Efficiency report: OEE, losses and ISO 22400-2 KPIs per machine of a selection, and the selection's totals. */
@Injectable()
export class EfficiencyService {
  constructor(
    private readonly facts: PeriodFactsLoader,
    private readonly env: AnalyticsEnv,
    private readonly cache: AnalyticsCache,
  ) {}

  async get(query: EfficiencyQuery, now: Date = new Date()): Promise<CachedAnswer<EfficiencyView>> {
    const { from, to } = periodOf(query, now);
    const machineIds = parseIds(query.machine_ids);
    const filters = { machine_ids: machineIds, machine_type: query.machine_type ?? null, location: query.location ?? null };
    const request = { ...filters, from: from.getTime(), to: to.getTime(), micro: this.env.OEE_MICRO_STOP_SECONDS };
    const { answer } = await this.cache.getOrCompute(
      'efficiency',
      request,
      { machineId: null, from: from.getTime(), to: to.getTime() },
      now.getTime(),
      async () => {
        const facts = await this.facts.load({ machineIds: machineIds ?? undefined, type: query.machine_type, location: query.location }, from, to, now);
        const all: OeeTotals[] = [];
        const rows: MachineEfficiencyView[] = [];
        for (const { machineId, name, type, location, input } of await this.facts.labelled(facts)) {
          const totals = oeeTotals(input);
          all.push(totals);
          const source = facts.applying.get(machineId)?.source ?? 'default_24x7';
          rows.push({ machine_id: machineId, name, type, location, calendar: source, ...figuresView(totals) });
        }
        return {
          period: { from: from.toISOString(), to: to.toISOString() },
          filters,
          machine_count: rows.length,
          micro_stop_threshold_seconds: facts.microStopThresholdSeconds,
          totals: figuresView(sumTotals(all)),
          machines: rows,
        };
      },
    );
    return answer;
  }
}

export function parseIds(text: string | undefined): string[] | null {
  if (text === undefined || text.trim() === '') return null;
  const ids = [...new Set(text.split(',').map((id) => id.trim()))];
  const bad = ids.filter((id) => !MACHINE_ID.test(id));
  if (bad.length > 0) throw invalidQuery('machine_ids', 'machine_ids must be comma-separated machine ids of at most 50 characters', text);
  if (ids.length > MAX_IDS) throw invalidQuery('machine_ids', `at most ${MAX_IDS} machine ids`, ids.length);
  return ids;
}
