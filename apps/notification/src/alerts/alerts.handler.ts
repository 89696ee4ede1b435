import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AlertActionRequest,
  AlertIdRequest,
  ListAlertsQuery,
  SUBJECTS,
  validatePayload,
  type AlertDetailView,
  type AlertPage,
  type AlertView,
} from '@shopfloor/contracts';
import { AlertsService } from './alerts.service';

@Controller()
export class AlertsHandler {
  constructor(private readonly alerts: AlertsService) {}

  @MessagePattern(SUBJECTS.notification.alertsList)
  async list(@Payload() payload: unknown): Promise<AlertPage> {
    return this.alerts.list(validatePayload(ListAlertsQuery, payload));
  }

  @MessagePattern(SUBJECTS.notification.alertGet)
  async get(@Payload() payload: unknown): Promise<AlertDetailView> {
    return this.alerts.get(validatePayload(AlertIdRequest, payload).id);
  }

  @MessagePattern(SUBJECTS.notification.alertAcknowledge)
  async acknowledge(@Payload() payload: unknown): Promise<AlertView> {
    return this.alerts.acknowledge(validatePayload(AlertActionRequest, payload));
  }

  @MessagePattern(SUBJECTS.notification.alertResolve)
  async resolve(@Payload() payload: unknown): Promise<AlertView> {
    return this.alerts.resolve(validatePayload(AlertActionRequest, payload));
  }
}
