import { Module } from '@nestjs/common';
import { CalendarsController } from './calendars.controller';

/** The shift calendars analytics plans production time by: read by anyone, set and removed by admins. */
@Module({ controllers: [CalendarsController] })
export class CalendarsModule {}
