import { oeeFigures } from './oee-figures';
import { OeeTimeline } from './oee-timeline';
import type { Bucket, OeeFigures, OeeInput, OeeTotals } from './oee.types';

/**
 * The totals of each bucket (∩ [from, to) of the input), in the given order, from one pass over the records.
 * Buckets that partition the period sum (`sumTotals`) to exactly `oeeTotals(input)`: a failure spanning a bucket
 * boundary is counted once, in the bucket where it first shows, while its time is split by time.
 */
export function oeeSeriesTotals(input: OeeInput, bucketList: readonly Bucket[]): OeeTotals[] {
  return OeeTimeline.build(input).totalsFor(bucketList);
}

/** The figures of each bucket, e.g. of `buckets(from, to, 'day', calendar)`. */
export function oeeSeries(input: OeeInput, bucketList: readonly Bucket[]): { bucket: Bucket; figures: OeeFigures }[] {
  return oeeSeriesTotals(input, bucketList).map((totals, i) => ({ bucket: bucketList[i], figures: oeeFigures(totals) }));
}
