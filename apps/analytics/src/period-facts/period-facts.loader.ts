import { Injectable } from '@nestjs/common';
import { DEFAULT_CALENDAR_ID, DomainError, ErrorCode } from '@shopfloor/contracts';
import { DowntimeRecordRepository, JobRepository, MachineRepository, type JobFact, type StopFact } from '@shopfloor/analytics/data-access';
import type { OeeInput, ShiftCalendar } from '@shopfloor/analytics/oee';
import { CalendarsService, type ApplyingCalendar } from '../calendars/calendars.service';
import { AnalyticsEnv } from '../config/analytics.env';

const DAY_MS = 86_400_000;
/** A year and a leap day, with room for a week either side. */
const MAX_PERIOD_MS = 380 * DAY_MS;

/** Which machines an analytics question is about. */
export interface MachineSelection {
  /** One machine (404 if unknown) … */
  machineId?: string;
  /** … or those of a list / type / location; nothing = every active machine. */
  machineIds?: string[];
  type?: string;
  location?: string;
}

/** Everything the engine needs about the selected machines for [from, to). */
export interface PeriodFacts {
  machineIds: string[];
  applying: Map<string, ApplyingCalendar>;
  /** The calendar whose wall clock series and heat maps use: the machine's, or for several the shop default. */
  displayCalendar: ShiftCalendar | null;
  /** One engine input per machine, in machine order. */
  inputs: Map<string, OeeInput>;
  microStopThresholdSeconds: number;
}

export type SelectedMachines = Pick<PeriodFacts, 'machineIds' | 'applying' | 'displayCalendar'>;

/** How a machine is shown in a table: the id stands in for the name of a machine no longer active. */
export interface MachineLabel {
  machineId: string;
  name: string;
  type: string;
  location: string | null;
}

/** Reads the facts of a period once, for OEE, downtime patterns and efficiency alike. */
@Injectable()
export class PeriodFactsLoader {
  constructor(
    private readonly machines: MachineRepository,
    private readonly jobs: JobRepository,
    private readonly stops: DowntimeRecordRepository,
    private readonly calendars: CalendarsService,
    private readonly env: AnalyticsEnv,
  ) {}

  async requireMachine(machineId: string): Promise<void> {
    if (!(await this.machines.existsActive(machineId))) {
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${machineId} is not known`, { machine_id: machineId });
    }
  }

  /** The selected machines and the calendar that applies to each, for a caller that needs them before the period. */
  async select(selection: MachineSelection): Promise<SelectedMachines> {
    const machineIds = selection.machineId
      ? [selection.machineId]
      : await this.machines.activeIds({ machineIds: selection.machineIds, type: selection.type, location: selection.location });
    // One machine (asked for alone or as the only one of a list) is shown on its own calendar's clock.
    const single = selection.machineId ?? (selection.machineIds?.length === 1 && machineIds.length === 1 ? machineIds[0] : undefined);
    const applying = await this.calendars.resolve(single ? machineIds : [...machineIds, DEFAULT_CALENDAR_ID]);
    const displayCalendar = applying.get(single ?? DEFAULT_CALENDAR_ID)?.calendar ?? null;
    return { machineIds, applying, displayCalendar };
  }

  /**
   * The facts of one machine (MACHINE_NOT_FOUND unless it is active) or, with null, of every active machine. Called when
   * an answer is computed, not before the cache is asked: a cached answer's machine existed, and removing a machine
   * drops its answers.
   */
  async loadMachineOrAll(machineId: string | null, from: Date, to: Date, now: Date): Promise<PeriodFacts> {
    if (machineId) await this.requireMachine(machineId);
    return this.load({ machineId: machineId ?? undefined }, from, to, now);
  }

  async load(selection: MachineSelection, from: Date, to: Date, now: Date, selected?: SelectedMachines): Promise<PeriodFacts> {
    const { machineIds, applying, displayCalendar } = selected ?? (await this.select(selection));
    const [stopFacts, jobFacts] = await Promise.all([
      this.stops.findFactsOverlapping(machineIds, from, to),
      this.jobs.findFactsOverlapping(machineIds, from, to),
    ]);
    const stopsByMachine = groupBy(stopFacts);
    const jobsByMachine = groupBy(jobFacts);
    const microStopThresholdSeconds = this.env.OEE_MICRO_STOP_SECONDS;
    const inputs = new Map<string, OeeInput>();
    for (const id of machineIds) {
      inputs.set(id, {
        from: from.getTime(),
        to: to.getTime(),
        calendar: applying.get(id)?.calendar ?? null,
        stops: (stopsByMachine.get(id) ?? []).map(({ start, durationSeconds, downtimeType, reasonCode }) => ({
          start,
          durationSeconds,
          downtimeType,
          reasonCode,
        })),
        jobs: (jobsByMachine.get(id) ?? []).map(({ start, end, idealCycleTime, partsProduced, partsScrapped }) => ({
          start,
          end,
          idealCycleTime,
          partsProduced,
          partsScrapped,
        })),
        now: now.getTime(),
        microStopThresholdSeconds,
      });
    }
    return { machineIds, applying, displayCalendar, inputs, microStopThresholdSeconds };
  }

  /** Each machine's engine input with its label, in machine order. */
  async labelled(facts: PeriodFacts): Promise<(MachineLabel & { input: OeeInput })[]> {
    const entities = new Map((await this.machines.findActiveMany(facts.machineIds)).map((m) => [m.machineId, m]));
    return [...facts.inputs].map(([machineId, input]) => {
      const m = entities.get(machineId);
      return { machineId, name: m?.name ?? machineId, type: m?.type ?? '', location: m?.location ?? null, input };
    });
  }
}

/** [from, to) of a query: `to` defaults to now, `from` to a day before `to`; at most 380 days. */
export function periodOf(query: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  if (from.getTime() >= to.getTime()) throw invalidQuery('from', 'from must be before to', query.from ?? null);
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS) throw invalidQuery('to', 'the period may be at most 380 days', query.to ?? null);
  return { from, to };
}

export function invalidQuery(field: string, message: string, value: unknown): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `Invalid query: ${field}`, null, [{ field, message, invalid_value: value }]);
}

/** Which calendar applied across the machines: one source, or 'mixed'. */
export function calendarSource(applying: (ApplyingCalendar | undefined)[]): 'machine' | 'default' | 'default_24x7' | 'mixed' {
  const sources = new Set(applying.map((a) => a?.source ?? 'default_24x7'));
  if (sources.size === 0) return 'default_24x7';
  return sources.size === 1 ? [...sources][0] : 'mixed';
}

function groupBy<T extends StopFact | JobFact>(facts: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const fact of facts) {
    const list = map.get(fact.machineId);
    if (list) list.push(fact);
    else map.set(fact.machineId, [fact]);
  }
  return map;
}
