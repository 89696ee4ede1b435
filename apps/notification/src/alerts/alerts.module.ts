import { Module } from '@nestjs/common';
import { AlertCheckRepository, AlertRepository, AlertRuleRepository, MachineConditionRepository } from '@shopfloor/notification/data-access';
import { Clock } from '../clock';
import { DeliveryModule } from '../delivery/delivery.module';
import { AlertEngine } from './alert-engine';
import { ALERT_EVENT_SOURCES, PLATFORM_ALERT_EVENT_SOURCES } from './alert-event-sources';
import { AlertEventsConsumer } from './alert-events.consumer';
import { AlertLifecycle } from './alert-lifecycle';
import { AlertTicker } from './alert-ticker';
import { AlertsHandler } from './alerts.handler';
import { AlertsService } from './alerts.service';
import { LiveAlertsPublisher } from './live-alerts.publisher';
import { LiveReconciler } from './live-reconciler';
import { MachineDirectory } from './machine-directory';
import { OeeCheck } from './oee-check';
import { AlertMetrics } from './alert.metrics';

/** The alert engine (consumers, periodic checks, lifecycle) and the alerts' RPC; notices go out through the delivery outbox. */
@Module({
  imports: [DeliveryModule],
  controllers: [AlertsHandler],
  providers: [
    Clock,
    AlertRepository,
    AlertRuleRepository,
    MachineConditionRepository,
    AlertCheckRepository,
    { provide: ALERT_EVENT_SOURCES, useValue: PLATFORM_ALERT_EVENT_SOURCES },
    LiveAlertsPublisher,
    AlertLifecycle,
    MachineDirectory,
    AlertEngine,
    OeeCheck,
    LiveReconciler,
    AlertTicker,
    AlertEventsConsumer,
    AlertsService,
    AlertMetrics,
  ],
  exports: [AlertLifecycle, AlertRepository, AlertRuleRepository, Clock],
})
export class AlertsModule {}
