import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { machineIdOfSubjectToken, SUBJECTS } from '@shopfloor/contracts';
import { NatsConnectionHolder } from '@shopfloor/nats';
import type { Msg, NatsError, Subscription } from 'nats';
import type { LiveChannel } from './live-channel';
import { LiveSocketGateway } from './live-socket.gateway';
import { predictionLiveMessage } from './prediction-message';

/** 'live.machine.' — the subject's last token is the machine (machineSubjectToken). */
const MACHINE_SUBJECT_PREFIX = SUBJECTS.live.allMachines.slice(0, -1);

/**
 * Subscribes this replica, once and without a queue group, to `live.machine.*`, `live.alerts` and `ml.prediction.>`
 * (ARCHITECTURE.md "Live fan-out": every replica gets every event) and passes each message to its own WebSocket
 * clients: live messages as they are, prediction events wrapped in one (predictionLiveMessage). The prediction events
 * are read from the subject, not from the ML_PREDICTIONS stream: a replica wants what happens while it is connected,
 * not a durable consumer of its own. Live data is best effort: what arrives while NATS is reconnecting is not replayed.
 */
@Injectable()
export class LiveEventsHandler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsHandler.name);
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly nats: NatsConnectionHolder,
    private readonly sockets: LiveSocketGateway,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = this.nats.connection;
    this.subscriptions = [
      connection.subscribe(SUBJECTS.live.allMachines, { callback: (error, msg) => this.relay('machine-status', error, msg) }),
      connection.subscribe(SUBJECTS.live.alerts, { callback: (error, msg) => this.relay('alerts', error, msg) }),
      connection.subscribe(SUBJECTS.mlEvents.all, { callback: (error, msg) => this.relayPrediction(error, msg) }),
    ];
    // The server has the subscriptions before the HTTP port opens, so a client never connects to a silent replica.
    await connection.flush();
    this.logger.log({
      message: 'Relaying live subjects to WebSocket clients',
      subjects: [SUBJECTS.live.allMachines, SUBJECTS.live.alerts, SUBJECTS.mlEvents.all],
    });
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) if (!subscription.isClosed()) subscription.unsubscribe();
    this.subscriptions = [];
  }

  private relay(channel: Exclude<LiveChannel, 'predictions'>, error: NatsError | null, msg: Msg): void {
    if (error) {
      this.logger.warn({ message: 'Live subscription error', channel, reason: error.message });
      return;
    }
    if (!this.sockets.hasClients(channel)) return;
    try {
      const text = msg.string();
      const machineId = machineIdOf(channel, msg.subject, text);
      if (machineId === null) {
        this.logger.warn({ message: 'Dropped a live message that is not a JSON LiveMessage', subject: msg.subject, bytes: msg.data.length });
        return;
      }
      this.sockets.broadcast(channel, machineId, text);
    } catch (failure) {
      // Never let one message break the subscription callback for the ones after it.
      this.logger.error({ message: 'Could not relay a live message', subject: msg.subject, err: failure });
    }
  }

  private relayPrediction(error: NatsError | null, msg: Msg): void {
    if (error) {
      this.logger.warn({ message: 'Live subscription error', channel: 'predictions', reason: error.message });
      return;
    }
    if (!this.sockets.hasClients('predictions')) return;
    try {
      const relay = predictionLiveMessage(msg.string());
      if (!relay.ok) {
        this.logger.warn({
          message: 'Dropped a prediction event that is not a JSON object with a machine_id',
          subject: msg.subject,
          reason: relay.reason,
          bytes: msg.data.length,
        });
        return;
      }
      this.sockets.broadcast('predictions', relay.machineId, relay.text);
    } catch (failure) {
      // Never let one message break the subscription callback for the ones after it.
      this.logger.error({ message: 'Could not relay a prediction event', subject: msg.subject, err: failure });
    }
  }
}

/**
 * The machine a live message is about: the subject's last token for machine status (what the publisher routed it by),
 * `machine_id` (or `data.machine_id`) for alerts; undefined for a machine-less message; null if it is no LiveMessage.
 */
function machineIdOf(channel: Exclude<LiveChannel, 'predictions'>, subject: string, text: string): string | undefined | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') return null;
  if (channel === 'machine-status' && subject.startsWith(MACHINE_SUBJECT_PREFIX)) return machineIdOfSubjectToken(subject.slice(MACHINE_SUBJECT_PREFIX.length));
  const { machine_id: machineId, data } = message as { machine_id?: unknown; data?: { machine_id?: unknown } | null };
  if (typeof machineId === 'string') return machineId;
  const dataMachineId = typeof data === 'object' && data !== null ? data.machine_id : undefined;
  return typeof dataMachineId === 'string' ? dataMachineId : undefined;
}
