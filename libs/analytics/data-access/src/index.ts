import type { EntityClass, MigrationClass } from '@shopfloor/database';
import { DowntimeRecordEntity } from './lib/entities/downtime-record.entity';
import { JobEntity } from './lib/entities/job.entity';
import { MachineEventEntity } from './lib/entities/machine-event.entity';
import { MachineReadingEntity } from './lib/entities/machine-reading.entity';
import { MachineEntity } from './lib/entities/machine.entity';
import { CalendarEntity } from './lib/entities/calendar.entity';
import { CreateMachines1764450100000 } from './lib/migrations/1764450100000-create-machines';
import { CreateShopfloorRecords1764460000000 } from './lib/migrations/1764460000000-create-shopfloor-records';
import { CreateCalendars1764470000000 } from './lib/migrations/1764470000000-create-calendars';
import { CreateMachineLiveStatus1764480000000 } from './lib/migrations/1764480000000-create-machine-live-status';
import { AddDowntimeEndTime1764490000000 } from './lib/migrations/1764490000000-add-downtime-end-time';
import { AddLiveStatusLastData1764500000000 } from './lib/migrations/1764500000000-add-live-status-last-data';

export * from './lib/entities/machine.entity';
export * from './lib/entities/job.entity';
export * from './lib/entities/downtime-record.entity';
export * from './lib/entities/machine-event.entity';
export * from './lib/entities/machine-reading.entity';
export * from './lib/entities/calendar.entity';
export * from './lib/repositories/history-window';
export * from './lib/repositories/machine.repository';
export * from './lib/repositories/job.repository';
export * from './lib/repositories/downtime-record.repository';
export * from './lib/repositories/machine-event.repository';
export * from './lib/repositories/machine-reading.repository';
export * from './lib/repositories/integrity.repository';
export * from './lib/repositories/calendar.repository';
export * from './lib/repositories/live-status.repository';

/** The analytics schema's entities and migrations, in order. */
export const ANALYTICS_ENTITIES: EntityClass[] = [MachineEntity, JobEntity, DowntimeRecordEntity, MachineEventEntity, MachineReadingEntity, CalendarEntity];
export const ANALYTICS_MIGRATIONS: MigrationClass[] = [
  CreateMachines1764450100000,
  CreateShopfloorRecords1764460000000,
  CreateCalendars1764470000000,
  CreateMachineLiveStatus1764480000000,
  AddDowntimeEndTime1764490000000,
  AddLiveStatusLastData1764500000000,
];
