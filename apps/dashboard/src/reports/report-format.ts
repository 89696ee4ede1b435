/**
 * A report's values as its PDF prints them, so the screen and the file tell the same numbers: ratios as percentages
 * with one decimal, durations (seconds in the document) as h:mm:ss with hours past 24, counts with at most two
 * decimals (parts are attributed pro rata), times as wall time in the report's zone; "n/a" for no value.
 * Digits and separators follow the browser's locale.
 */
export type ReportUnit = 'text' | 'ratio' | 'seconds' | 'count' | 'datetime';
export const NOT_AVAILABLE = 'n/a';

const locale = (): string | undefined => (typeof navigator !== 'undefined' ? navigator.language : undefined);
const pad2 = (n: number): string => String(n).padStart(2, '0');

export function reportHeading(label: string, unit: ReportUnit): string {
  return unit === 'seconds' ? `${label.replace(/\s*\(s\)$/, '')} (h:mm:ss)` : label;
}

export function reportCell(unit: ReportUnit, value: string | number | null | undefined, timeZone: string): string {
  if (value === null || value === undefined) return NOT_AVAILABLE;
  if (typeof value === 'string') return unit === 'datetime' ? wallTime(value, timeZone) : value;
  if (!Number.isFinite(value)) return NOT_AVAILABLE;
  switch (unit) {
    case 'ratio':
      return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'seconds': {
      const total = Math.round(Math.abs(value));
      const sign = value < 0 && total > 0 ? '-' : '';
      return `${sign}${new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Math.floor(total / 3600))}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
    }
    case 'count':
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value);
    default:
      return String(value);
  }
}

/** "2026-11-02 06:00:00" in the zone; an unreadable string as given. */
function wallTime(iso: string, timeZone: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(time);
    const p = (type: string): string => parts.find((x) => x.type === type)?.value ?? '';
    return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
  } catch {
    return iso;
  }
}

/** The file name a download names in its Content-Disposition (RFC 6266, the UTF-8 form preferred), or a fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}
