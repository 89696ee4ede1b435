import { Injectable } from '@nestjs/common';
import type { CurrentShiftQuery, CurrentShiftView, MachineShiftOeeView } from '@shopfloor/contracts';
import { currentShiftWindow, oeeSeriesTotals } from '@shopfloor/analytics/oee';
import { parseIds } from './efficiency.service';
import { figuresView } from './oee.service';
import { PeriodFactsLoader } from '../period-facts/period-facts.loader';

/**
 * Each machine's OEE of its current shift (on its own calendar) so far, for the live board: one read of the facts
 * since the earliest of the machines' shifts began, then each machine's figures over its own shift's part of them.
 */
@Injectable()
export class CurrentShiftService {
  constructor(private readonly facts: PeriodFactsLoader) {}

  async get(query: CurrentShiftQuery, now: Date = new Date()): Promise<CurrentShiftView> {
    const at = now.getTime();
    const selection = { machineIds: parseIds(query.machine_ids) ?? undefined, type: query.machine_type, location: query.location };
    const selected = await this.facts.select(selection);
    // Each machine's window first (from its calendar alone), so that only the facts since the earliest one are read:
    // a shift is hours, where the 49 hours a window may look back would be several times the work.
    const windows = new Map(selected.machineIds.map((id) => [id, currentShiftWindow(selected.applying.get(id)?.calendar ?? null, at)]));
    const from = new Date(Math.min(at - 1, ...[...windows.values()].map((w) => w.from)));
    const facts = await this.facts.load(selection, from, now, now, selected);
    const machines: MachineShiftOeeView[] = [];
    for (const [id, input] of facts.inputs) {
      const window = windows.get(id) ?? currentShiftWindow(input.calendar, at);
      const [totals] = oeeSeriesTotals(input, [{ from: window.from, to: window.to, label: 'shift' }]);
      machines.push({
        machine_id: id,
        calendar: facts.applying.get(id)?.source ?? 'default_24x7',
        shift: window.shift && {
          name: window.shift.name,
          start: new Date(window.shift.start).toISOString(),
          end: new Date(window.shift.end).toISOString(),
          in_progress: window.shift.inProgress,
        },
        period: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
        ...figuresView(totals),
      });
    }
    return { generated_at: now.toISOString(), micro_stop_threshold_seconds: facts.microStopThresholdSeconds, machines };
  }
}
