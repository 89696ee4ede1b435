import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CalendarIdRequest, PutCalendarRequest, SUBJECTS, validatePayload, type CalendarView } from '@shopfloor/contracts';
import { CalendarsService } from './calendars.service';

@Controller()
export class CalendarsHandler {
  constructor(private readonly calendars: CalendarsService) {}

  @MessagePattern(SUBJECTS.analytics.calendarGet)
  async get(@Payload() payload: unknown): Promise<CalendarView> {
    return this.calendars.get(validatePayload(CalendarIdRequest, payload).calendar_id);
  }

  @MessagePattern(SUBJECTS.analytics.calendarPut)
  async put(@Payload() payload: unknown): Promise<CalendarView> {
    return this.calendars.put(validatePayload(PutCalendarRequest, payload));
  }

  @MessagePattern(SUBJECTS.analytics.calendarDelete)
  async delete(@Payload() payload: unknown): Promise<{ deleted: true }> {
    await this.calendars.delete(validatePayload(CalendarIdRequest, payload).calendar_id);
    return { deleted: true };
  }
}
