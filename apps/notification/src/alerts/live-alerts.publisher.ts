import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type AlertView, type LiveMessage } from '@shopfloor/contracts';
import type { AlertEntity } from '@shopfloor/notification/data-access';
import { NatsConnectionHolder } from '@shopfloor/nats';
import { JSONCodec } from 'nats';
import { toAlertView } from './alert-view.mapper';

const codec = JSONCodec<LiveMessage<AlertView>>();

/**
 * Every change of an alert, on `live.alerts` for every gateway replica to push on /ws/alerts. Sent after the change
 * is stored; a message lost with the connection costs a client one update, which the list and the next change show.
 */
@Injectable()
export class LiveAlertsPublisher {
  private readonly logger = new Logger(LiveAlertsPublisher.name);

  constructor(private readonly nats: NatsConnectionHolder) {}

  publish(alert: AlertEntity): void {
    const data = toAlertView(alert);
    try {
      this.nats.connection.publish(SUBJECTS.live.alerts, codec.encode({ type: 'alert', machine_id: alert.machineId, data, timestamp: data.updated_at }));
    } catch (error) {
      this.logger.warn({ message: 'Could not publish an alert change', alert_id: alert.id, state: alert.state, reason: (error as Error).message });
    }
  }
}
