import { Type } from 'class-transformer';
import { END_WALL_TIME_PATTERN } from '@shopfloor/time';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** 'default' addresses the shop's default calendar; anything else is a machine id. */
export const DEFAULT_CALENDAR_ID = 'default';

/** Which calendar applies: the machine's own, the shop default, or none (planned 24/7). */
export type CalendarSource = 'machine' | 'default' | 'default_24x7';

export class CalendarShift {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  /** The weekdays on which the shift starts (a night shift starting Friday 22:00 is a Friday shift). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  days!: WeekdayName[];

  /** Wall-clock 'HH:MM' in the calendar's zone. */
  @IsString()
  @Matches(END_WALL_TIME_PATTERN, { message: 'start must be a wall time HH:MM' })
  start!: string;

  /** Wall-clock 'HH:MM' ('24:00' = midnight at the end of the day); at or before start = the shift ends the next day. */
  @IsString()
  @Matches(END_WALL_TIME_PATTERN, { message: 'end must be a wall time HH:MM or 24:00' })
  end!: string;
}

/** `PUT /api/v1/calendars/{machine_id|default}` body. */
export class CalendarBody {
  /** IANA time zone, e.g. Europe/Berlin. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timezone!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CalendarShift)
  shifts!: CalendarShift[];
}

/** `analytics.calendars.get` / `analytics.calendars.delete` request. */
export class CalendarIdRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  calendar_id!: string;
}

/** `analytics.calendars.put` request. */
export class PutCalendarRequest extends CalendarBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  calendar_id!: string;
}

/** The calendar that applies to a machine (or the default), as `GET /api/v1/calendars/{id}` returns it. */
export interface CalendarView {
  /** The id asked for: a machine id or 'default'. */
  calendar_id: string;
  /** Where the applying calendar comes from; 'default_24x7' = none configured, planned around the clock. */
  calendar: CalendarSource;
  timezone: string | null;
  shifts: CalendarShift[];
  updated_at: string | null;
}
