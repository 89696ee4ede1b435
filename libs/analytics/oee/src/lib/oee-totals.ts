import { OeeTimeline } from './oee-timeline';
import type { OeeInput, OeeTotals } from './oee.types';

/**
 * One machine's additive totals for [from, to) (up to `now`): the shift time, the stop categories as interval sets
 * (API.md "OEE conventions"), and the parts attributed by time. Derive the public numbers with `oeeFigures`,
 * aggregate machines or buckets with `sumTotals` first.
 *
 * @throws CalendarError when the calendar is invalid; RangeError when from, to or now is not a finite number.
 */
export function oeeTotals(input: OeeInput): OeeTotals {
  const timeline = OeeTimeline.build(input);
  return timeline.totalsWithin(timeline.from, timeline.to);
}
