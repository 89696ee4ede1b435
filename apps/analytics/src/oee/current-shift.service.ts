import { Injectable } from '@nestjs/common';
import type { CurrentShiftQuery, CurrentShiftView, MachineShiftOeeView } from '@shopfloor/contracts';
import { currentShiftWindow, oeeSeriesTotals } from '@shopfloor/analytics/oee';
import { parseIds } from './efficiency.service';
import { figuresView } from './oee.service';
import { PeriodFactsLoader } from './period-facts.loader';

const HOUR = 3_600_000;

/**
 * Each machine's OEE of its current shift (on its own calendar) so far, for the live board: one read of the last two
 * days' facts for every machine, then each machine's figures over its shift's part of them.
 */
@Injectable()
export class CurrentShiftService {
  constructor(private readonly facts: PeriodFactsLoader) {}

  async get(query: CurrentShiftQuery, now: Date = new Date()): Promise<CurrentShiftView> {
    const at = now.getTime();
    // A shift in progress started less than a day ago; one that ended last, within the 49 hours its window looks at.
    const from = new Date(at - 49 * HOUR);
    const facts = await this.facts.load({ machineIds: parseIds(query.machine_ids) ?? undefined, type: query.machine_type, location: query.location }, from, now, now);
    const machines: MachineShiftOeeView[] = [];
    for (const [id, input] of facts.inputs) {
      const window = currentShiftWindow(input.calendar, at);
      const [totals] = oeeSeriesTotals(input, [{ from: Math.max(window.from, from.getTime()), to: window.to, label: 'shift' }]);
      machines.push({
        machine_id: id,
        calendar: facts.applying.get(id)?.source ?? 'default_24x7',
        shift: window.shift && { name: window.shift.name, start: new Date(window.shift.start).toISOString(), end: new Date(window.shift.end).toISOString(), in_progress: window.shift.inProgress },
        period: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
        ...figuresView(totals),
      });
    }
    return { generated_at: now.toISOString(), micro_stop_threshold_seconds: facts.microStopThresholdSeconds, machines };
  }
}
