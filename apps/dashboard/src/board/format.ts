/** Formatting in the browser's locale; times of day in the shop's zone when the API gives one. */
const locale = (): string | undefined => (typeof navigator !== 'undefined' ? navigator.language : undefined);

// Building an Intl formatter costs far more than using one, and a live board formats on every update of every tile.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale() ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), options);
    dateFormats.set(key, format);
  }
  return format;
}

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
    return dateFormat({ dateStyle: 'medium', timeStyle: 'long', timeZone }).format(new Date(iso));
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

/** A length of time for reading: "2 h 05 min", "12 min 30 s", "45 s"; an em dash for none. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const sign = seconds < 0 ? '−' : '';
  if (h > 0) return `${sign}${count(h)} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${sign}${m} min${s ? ` ${s} s` : ''}`;
  return `${sign}${s} s`;
}

/** A ratio as a percentage with one decimal ("87.5 %" in the browser's style); an em dash for null. */
export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A number with at most `digits` decimals in the browser's locale. */
export function decimal(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** Time of day (and the date when `withDate`) in the zone: "14:03" / "5 Dec, 14:03". */
export function timeIn(iso: string, timeZone: string, withDate = false): string {
  const options: Intl.DateTimeFormatOptions = withDate
    ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }
    : { hour: '2-digit', minute: '2-digit', timeZone };
  try {
    return dateFormat(options).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleTimeString(locale());
  }
}
