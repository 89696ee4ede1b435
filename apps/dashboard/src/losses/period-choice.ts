import { addDays, daysPeriod, isDate, todayIn } from '../shared/zone-time';

export type PeriodPreset = 'today' | 'yesterday' | '7d' | '30d' | 'custom';
export const PRESETS: { value: PeriodPreset; label: string }[] = [
  { value: 'today', label: 'Today' },
  { value: 'yesterday', label: 'Yesterday' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'custom', label: 'Custom dates' },
];
/** The longest custom period: what the API answers for one machine or the whole shop in a few seconds. */
export const MAX_CUSTOM_DAYS = 92;

export interface ChosenPeriod {
  from: string;
  to: string;
  /** The first and last calendar day shown, YYYY-MM-DD. */
  first: string;
  last: string;
  /** Why a custom choice was not taken as given, or null. */
  problem: string | null;
}

/** Whole days in the zone, ending today for the presets; a custom range is checked and kept within bounds. */
export function choosePeriod(preset: PeriodPreset, timeZone: string, customFrom: string | null, customTo: string | null, now = Date.now()): ChosenPeriod {
  const today = todayIn(timeZone, now);
  const days = (first: string, last: string, problem: string | null = null): ChosenPeriod => {
    const span = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
    return { ...daysPeriod(first, span, timeZone), first, last, problem };
  };
  switch (preset) {
    case 'today':
      return days(today, today);
    case 'yesterday':
      return days(addDays(today, -1), addDays(today, -1));
    case '7d':
      return days(addDays(today, -6), today);
    case '30d':
      return days(addDays(today, -29), today);
    case 'custom': {
      if (!isDate(customFrom) || !isDate(customTo))
        return { ...days(addDays(today, -6), today), problem: 'Choose both dates of the custom period; the last 7 days are shown meanwhile.' };
      if (customFrom > customTo) return { ...days(customTo, customFrom), problem: 'The dates were in reverse order and have been swapped.' };
      const span = Math.round((Date.parse(`${customTo}T00:00:00Z`) - Date.parse(`${customFrom}T00:00:00Z`)) / 86_400_000) + 1;
      if (span > MAX_CUSTOM_DAYS)
        return {
          ...days(addDays(customTo, -(MAX_CUSTOM_DAYS - 1)), customTo),
          problem: `A period is at most ${MAX_CUSTOM_DAYS} days: the last ${MAX_CUSTOM_DAYS} days up to the end date are shown.`,
        };
      return days(customFrom, customTo);
    }
  }
}
