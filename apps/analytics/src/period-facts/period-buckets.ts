import {
  buckets,
  CalendarError,
  oeeSeriesTotals,
  sumTotals,
  type Bucket,
  type Granularity,
  type OeeInput,
  type OeeTotals,
  type ShiftCalendar,
} from '@shopfloor/analytics/oee';
import { invalidQuery } from './period-facts.loader';

/** How many buckets a question may ask for, and how a refusal names the field and says why. */
export interface BucketLimit {
  field: string;
  max: number;
  /** Hours are counted before they are made, so that a year of them is refused without building it. */
  maxHours: number;
  tooMany: (granularity: string) => string;
}

/** The buckets of [from, to) on the calendar's clock; a granularity the calendar cannot give, or too many, is refused. */
export function periodBuckets(from: Date, to: Date, granularity: Exclude<Granularity, 'none'>, calendar: ShiftCalendar | null, limit: BucketLimit): Bucket[] {
  if (granularity === 'hour' && (to.getTime() - from.getTime()) / 3_600_000 > limit.maxHours)
    throw invalidQuery(limit.field, limit.tooMany(granularity), granularity);
  let list: Bucket[];
  try {
    list = buckets(from.getTime(), to.getTime(), granularity, calendar);
  } catch (error) {
    if (error instanceof CalendarError) throw invalidQuery(limit.field, error.message, granularity);
    throw error;
  }
  if (list.length > limit.max) throw invalidQuery(limit.field, limit.tooMany(granularity), granularity);
  return list;
}

/** Each bucket's totals summed over the machines' inputs: time and counts add up, ratios never are averaged. */
export function bucketTotals(inputs: Iterable<OeeInput>, list: readonly Bucket[]): OeeTotals[] {
  const perBucket: OeeTotals[][] = list.map(() => []);
  for (const input of inputs) oeeSeriesTotals(input, list).forEach((totals, i) => perBucket[i].push(totals));
  return perBucket.map((parts) => sumTotals(parts));
}
