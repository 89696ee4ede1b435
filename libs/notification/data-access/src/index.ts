import type { EntityClass, MigrationClass } from '@shopfloor/database';
import { AlertCheckEntity } from './lib/entities/alert-check.entity';
import { AlertEventEntity } from './lib/entities/alert-event.entity';
import { AlertRuleEntity } from './lib/entities/alert-rule.entity';
import { AlertEntity } from './lib/entities/alert.entity';
import { MachineConditionEntity } from './lib/entities/machine-condition.entity';
import { CreateAlerts1765000000000 } from './lib/migrations/1765000000000-create-alerts';
import { DeliveryEntity } from './lib/entities/delivery.entity';
import { ReportRunEntity } from './lib/entities/report-run.entity';
import { ReportScheduleEntity } from './lib/entities/report-schedule.entity';
import { CreateDeliveriesAndReportSchedules1765000100000 } from './lib/migrations/1765000100000-create-deliveries-and-report-schedules';

export * from './lib/entities/alert-rule.entity';
export * from './lib/entities/alert.entity';
export * from './lib/entities/alert-event.entity';
export * from './lib/entities/machine-condition.entity';
export * from './lib/entities/alert-check.entity';
export * from './lib/repositories/alert-rule.repository';
export * from './lib/repositories/alert.repository';
export * from './lib/repositories/machine-condition.repository';
export * from './lib/repositories/alert-check.repository';
export * from './lib/entities/delivery.entity';
export * from './lib/entities/report-schedule.entity';
export * from './lib/entities/report-run.entity';
export * from './lib/repositories/delivery.repository';
export * from './lib/repositories/report-schedule.repository';
export * from './lib/repositories/report-run.repository';

// The notification schema's entities and migrations, in order. The schema, its role and its migrations table exist
// from the first start; tables arrive with the features that own them.
export const NOTIFICATION_ENTITIES: EntityClass[] = [
  AlertRuleEntity,
  AlertEntity,
  AlertEventEntity,
  MachineConditionEntity,
  AlertCheckEntity,
  DeliveryEntity,
  ReportScheduleEntity,
  ReportRunEntity,
];
export const NOTIFICATION_MIGRATIONS: MigrationClass[] = [CreateAlerts1765000000000, CreateDeliveriesAndReportSchedules1765000100000];
