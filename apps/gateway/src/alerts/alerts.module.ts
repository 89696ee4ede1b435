import { Module } from '@nestjs/common';
import { AlertRulesController } from './alert-rules.controller';
import { AlertsController } from './alerts.controller';
import { DeliveriesController } from './deliveries.controller';

/** Notification's alerts, the rules that open them, and the log of the e-mails and webhook calls that carried them. */
@Module({
  // Rules before alerts: Nest registers a module's controllers in this order, and /alerts/rules must not be taken for
  // the alert with id 'rules'.
  controllers: [AlertRulesController, AlertsController, DeliveriesController],
})
export class AlertsModule {}
