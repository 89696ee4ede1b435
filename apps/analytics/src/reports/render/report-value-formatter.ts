import { DateTime, IANAZone } from 'luxon';
import { type ReportCell, type ReportColumn, type ReportColumnUnit } from './report-document';

/** Shown for a null (or non-finite) value, so an empty cell is never mistaken for zero. */
export const NOT_AVAILABLE = 'n/a';

// en-US for everyone: a report file is shared across sites, and "74.8%" must not turn into "74,8 %" by server locale.
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** How `seconds` prints durations, named in the headers of the columns it prints. */
export const DURATION_FORMAT = 'h:mm:ss';

/**
 * Values of a report formatted for people (PDF) and times moved into the report's zone (PDF, XLSX). The zone must be a
 * valid IANA name: a report that shows times in a zone it cannot name would mislabel every time in it.
 */
export class ReportValueFormatter {
  constructor(readonly timezone: string) {
    ReportValueFormatter.assertZone(timezone);
  }

  static assertZone(timezone: string): void {
    if (!IANAZone.isValidZone(timezone)) throw new RangeError(`Unknown IANA time zone "${timezone}"`);
  }

  /**
   * A column's header as printed beside values from `cell`. Durations are seconds in the document, labelled "(s)" as
   * JSON, CSV and XLSX carry them; printed as h:mm:ss they are headed so: "MTBF (s)" → "MTBF (h:mm:ss)".
   */
  heading(column: ReportColumn): string {
    if (column.unit !== 'seconds') return column.label;
    return `${column.label.replace(/\s*\(s\)$/, '')} (${DURATION_FORMAT})`;
  }

  cell(unit: ReportColumnUnit, value: ReportCell | undefined): string {
    if (value === null || value === undefined) return NOT_AVAILABLE;
    if (typeof value === 'string') return unit === 'datetime' ? this.instant(value) : value;
    switch (unit) {
      case 'ratio':
        return this.ratio(value);
      case 'seconds':
        return this.seconds(value);
      case 'count':
        return this.count(value);
      case 'text':
      case 'datetime':
        return Number.isFinite(value) ? String(value) : NOT_AVAILABLE;
    }
  }

  /** 0.747937 → "74.8%". */
  ratio(value: number | null): string {
    return value === null || !Number.isFinite(value) ? NOT_AVAILABLE : PERCENT.format(value);
  }

  /** Seconds as h:mm:ss, hours running past 24 ("53:10:00") so that durations add up by eye; whole seconds. */
  seconds(value: number | null): string {
    if (value === null || !Number.isFinite(value)) return NOT_AVAILABLE;
    const total = Math.round(Math.abs(value));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const sign = value < 0 && total > 0 ? '-' : '';
    return `${sign}${INTEGER.format(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  }

  /** 12345 → "12,345"; a fractional count (an average) keeps two decimals. */
  count(value: number | null): string {
    return value === null || !Number.isFinite(value) ? NOT_AVAILABLE : COUNT.format(value);
  }

  /** An ISO instant as wall time in the report zone ("2026-11-02 06:00:00"); an unreadable string is shown as given. */
  instant(iso: string, precision: 'second' | 'minute' = 'second'): string {
    const time = this.parse(iso);
    if (!time) return iso;
    return time.toFormat(precision === 'second' ? 'yyyy-LL-dd HH:mm:ss' : 'yyyy-LL-dd HH:mm');
  }

  /** The calendar date of an instant in the report zone ("2026-11-02"), or null when unreadable. */
  date(iso: string, minusMs = 0): string | null {
    return this.parse(iso)?.minus({ milliseconds: minusMs }).toISODate() ?? null;
  }

  /**
   * The wall time of an instant in the report zone, as a Date whose UTC fields carry it. Spreadsheets have no zones: a
   * date cell is a wall time, and this is how exceljs is told which one. Null when unreadable.
   */
  wallClock(iso: string): Date | null {
    const t = this.parse(iso);
    return t ? new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond)) : null;
  }

  // A string without an offset is read as wall time of the report zone, never of the server's zone.
  private parse(iso: string): DateTime | null {
    const time = DateTime.fromISO(iso, { zone: this.timezone });
    return time.isValid ? time : null;
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
