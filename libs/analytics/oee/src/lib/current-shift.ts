import { buckets } from './buckets';
import type { ShiftCalendar } from './oee.types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ShiftWindow {
  /** The shift the window is of, whole; null without a calendar or without a shift in the last two days. */
  shift: { name: string; start: number; end: number; inProgress: boolean } | null;
  /** [from, to) to report: the shift up to now (or whole, once ended); without a shift, the UTC day so far or the last 24 hours. */
  from: number;
  to: number;
}

/** "late 2026-12-05" → "late": a shift bucket's label is its name and start date. */
const nameOf = (label: string): string => label.slice(0, label.lastIndexOf(' '));

/**
 * The shift whose figures a live board shows at `now`: the one in progress, else the one that ended last (a shift is
 * at most a day long, so every occurrence ending in the last 25 hours lies whole in the 49 looked at). Without a
 * calendar a machine is planned around the clock: the UTC day so far stands in for a shift.
 */
export function currentShiftWindow(calendar: ShiftCalendar | null, now: number): ShiftWindow {
  if (calendar === null || calendar.shifts.length === 0) return { shift: null, from: Math.floor(now / DAY) * DAY, to: now };
  const past = buckets(now - 49 * HOUR, now + 1, 'shift', calendar);
  const current = past.find((b) => b.from <= now && now < b.to);
  if (current) {
    // Clipped at now + 1 above: the occurrence from now on tells where it really ends.
    const ahead = buckets(now, now + 25 * HOUR, 'shift', calendar).find((b) => b.from === now && b.label === current.label);
    return { shift: { name: nameOf(current.label), start: current.from, end: ahead?.to ?? now + 1, inProgress: true }, from: current.from, to: now };
  }
  const ended = past.filter((b) => b.to <= now).pop();
  if (ended && ended.to > now - 25 * HOUR)
    return { shift: { name: nameOf(ended.label), start: ended.from, end: ended.to, inProgress: false }, from: ended.from, to: ended.to };
  return { shift: null, from: now - DAY, to: now };
}
