import { Injectable } from '@nestjs/common';
import {
  DEFAULT_CALENDAR_ID,
  DomainError,
  ErrorCode,
  type CalendarShift,
  type CalendarSource,
  type CalendarView,
  type PutCalendarRequest,
  type WeekdayName,
} from '@shopfloor/contracts';
import { CalendarRepository, MachineRepository, type CalendarEntity } from '@shopfloor/analytics/data-access';
import { calendarProblems, type ShiftCalendar } from '@shopfloor/analytics/oee';
import { AnalyticsCache } from '../cache/analytics-cache';

/** The calendar that applies to one machine, for the OEE engine. */
export interface ApplyingCalendar {
  source: CalendarSource;
  calendar: ShiftCalendar | null;
}

/**
 * Shift calendars: the shop default and per-machine overrides. A machine's own calendar wins over the default; with
 * neither, the machine is planned around the clock (API.md: `"calendar": "default_24x7"`).
 */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly machines: MachineRepository,
    private readonly cache: AnalyticsCache,
  ) {}

  async get(calendarId: string): Promise<CalendarView> {
    await this.requireMachine(calendarId);
    const applying = (await this.resolve([calendarId])).get(calendarId) as ApplyingCalendar & { row: CalendarEntity | null };
    return toView(calendarId, applying);
  }

  async put(request: PutCalendarRequest): Promise<CalendarView> {
    const problems = calendarProblems({ timezone: request.timezone, shifts: request.shifts });
    if (problems.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Invalid calendar: ${problems
          .map((p) => p.field)
          .slice(0, 5)
          .join(', ')}`,
        null,
        problems.map((p) => ({ field: p.field, message: p.message, invalid_value: valueAt(request, p.field) })),
      );
    }
    await this.requireMachine(request.calendar_id);
    const shifts = request.shifts.map((s) => ({ name: s.name, days: [...s.days], start: s.start, end: s.end }));
    const row = await this.calendars.save(request.calendar_id, request.timezone, shifts);
    await this.calendarChanged(request.calendar_id);
    return toView(request.calendar_id, { source: request.calendar_id === DEFAULT_CALENDAR_ID ? 'default' : 'machine', calendar: toShiftCalendar(row), row });
  }

  /** Removes a machine's own calendar (it falls back to the default) or the default (machines fall back to 24/7). */
  async delete(calendarId: string): Promise<void> {
    await this.requireMachine(calendarId);
    if (!(await this.calendars.delete(calendarId))) {
      throw new DomainError(ErrorCode.CalendarNotFound, `No calendar of its own is configured for ${calendarId}`, { calendar_id: calendarId });
    }
    await this.calendarChanged(calendarId);
  }

  /** Every answer computed with the old calendar is stale: the machine's, or with the default everyone's. */
  private async calendarChanged(calendarId: string): Promise<void> {
    if (calendarId === DEFAULT_CALENDAR_ID) await this.cache.invalidateAll();
    else await this.cache.invalidateMachines([calendarId]);
  }

  /** The applying calendar of each machine id (or 'default'), in one read. */
  async resolve(ids: string[]): Promise<Map<string, ApplyingCalendar & { row: CalendarEntity | null }>> {
    const rows = await this.calendars.findMany([...new Set([...ids, DEFAULT_CALENDAR_ID])]);
    const fallback = rows.get(DEFAULT_CALENDAR_ID) ?? null;
    return new Map(
      ids.map((id) => {
        const own = rows.get(id) ?? null;
        const row = own ?? fallback;
        const source: CalendarSource = !row ? 'default_24x7' : own && id !== DEFAULT_CALENDAR_ID ? 'machine' : 'default';
        return [id, { source, calendar: row ? toShiftCalendar(row) : null, row }];
      }),
    );
  }

  private async requireMachine(calendarId: string): Promise<void> {
    if (calendarId === DEFAULT_CALENDAR_ID) return;
    if (!(await this.machines.findActive(calendarId))) {
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${calendarId} is not known`, { machine_id: calendarId });
    }
  }
}

function toShiftCalendar(row: CalendarEntity): ShiftCalendar {
  return { timezone: row.timezone, shifts: row.shifts.map((s) => ({ name: s.name, days: s.days as WeekdayName[], start: s.start, end: s.end })) };
}

function toView(calendarId: string, applying: ApplyingCalendar & { row: CalendarEntity | null }): CalendarView {
  const shifts: CalendarShift[] = applying.calendar?.shifts.map((s) => ({ name: s.name, days: [...s.days], start: s.start, end: s.end })) ?? [];
  return {
    calendar_id: calendarId,
    calendar: applying.source,
    timezone: applying.calendar?.timezone ?? null,
    shifts,
    updated_at: applying.row?.updatedAt.toISOString() ?? null,
  };
}

/** The value a field path such as `shifts[1].start` names, for the error body. */
function valueAt(request: PutCalendarRequest, field: string): unknown {
  let current: unknown = request;
  for (const part of field.split(/[.[\]]/).filter(Boolean)) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current ?? null;
}
