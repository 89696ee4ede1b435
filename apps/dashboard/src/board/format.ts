/** Formatting in the browser's locale; times of day in the shop's zone when the API gives one. */
const locale = (): string | undefined => (typeof navigator !== 'undefined' ? navigator.language : undefined);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "5 minutes ago", "2 hours ago", "now". */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.trunc(seconds / size), unit);
  }
  return '';
}

/** The date and time in the zone, with the zone's short name: "5 Dec 2026, 14:03:07 CET". */
export function dateTimeIn(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'long', timeZone }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString(locale());
  }
}

export function count(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

export function percent(value: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A measure with up to `digits` decimals: "0.83", "12.5". */
export function decimal(value: number, digits = 2): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}
