import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { OeeHandler } from './oee.handler';
import { OeeService } from './oee.service';

@Module({
  imports: [ReadModelModule, CalendarsModule, CacheModule],
  controllers: [OeeHandler],
  providers: [OeeService],
})
export class OeeModule {}
