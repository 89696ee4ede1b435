import type { EntityClass, MigrationClass } from '@shopfloor/database';
import { DeliveryEntity } from './lib/entities/delivery.entity';
import { ReportRunEntity } from './lib/entities/report-run.entity';
import { ReportScheduleEntity } from './lib/entities/report-schedule.entity';
import { CreateDeliveriesAndReportSchedules1765000100000 } from './lib/migrations/1765000100000-create-deliveries-and-report-schedules';

export * from './lib/entities/delivery.entity';
export * from './lib/entities/report-schedule.entity';
export * from './lib/entities/report-run.entity';
export * from './lib/repositories/delivery.repository';
export * from './lib/repositories/report-schedule.repository';
export * from './lib/repositories/report-run.repository';

// The notification schema's entities and migrations, in order. The schema, its role and its migrations table exist
// from the first start; tables arrive with the features that own them.
export const NOTIFICATION_ENTITIES: EntityClass[] = [DeliveryEntity, ReportScheduleEntity, ReportRunEntity];
export const NOTIFICATION_MIGRATIONS: MigrationClass[] = [CreateDeliveriesAndReportSchedules1765000100000];
