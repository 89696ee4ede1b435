import type { CalendarProblem } from './oee.types';

/**
 * A request the calendar cannot answer: an invalid calendar, or shift buckets without any shifts. It knows nothing of
 * HTTP (STYLE.md rule 9); the service turns it into a validation error and `problems` into its field errors.
 */
export class CalendarError extends Error {
  constructor(
    message: string,
    readonly problems: CalendarProblem[] = [],
  ) {
    super(message);
    this.name = CalendarError.name;
  }
}
