import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarBody, SUBJECTS, type CalendarView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { RequireRole } from '../auth/auth.decorators';

@ApiTags('shop floor')
@Controller('api/v1/calendars')
export class CalendarsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':calendar_id')
  @ApiOperation({
    summary:
      "The shift calendar that applies to a machine (its own, else the shop default, else 24/7: calendar = 'default_24x7'), or the default with id 'default'",
  })
  async get(@Param('calendar_id') calendarId: string): Promise<CalendarView> {
    return this.rpc.request<CalendarView>(SUBJECTS.analytics.calendarGet, { calendar_id: calendarId });
  }

  @Put(':calendar_id')
  @RequireRole('admin')
  @ApiOperation({
    summary: "Set a machine's own weekly shift pattern, or the shop default with id 'default' (IANA zone, wall-clock shifts, may cross midnight)",
  })
  async put(@Param('calendar_id') calendarId: string, @Body() body: CalendarBody): Promise<CalendarView> {
    return this.rpc.request<CalendarView>(SUBJECTS.analytics.calendarPut, { ...body, calendar_id: calendarId });
  }

  @Delete(':calendar_id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: "Remove a machine's own calendar (it falls back to the default) or the default (machines fall back to 24/7)" })
  async delete(@Param('calendar_id') calendarId: string): Promise<void> {
    await this.rpc.request<{ deleted: true }>(SUBJECTS.analytics.calendarDelete, { calendar_id: calendarId });
  }
}
