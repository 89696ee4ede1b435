import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PREDICTION_EVENT_TYPES } from '@shopfloor/contracts';
import { DurableConsumerFactory, PoisonMessageError, type EventContext, type RunningConsumer } from '@shopfloor/nats';
import { AlertEngine } from './alert-engine';
import { ALERT_EVENT_SOURCES, type AlertEventSources } from './alert-event-sources';
import { readAlertCleared, readAlertRaised, readAnomalyEvent, readPredictionEvent } from './event-payloads';

/**
 * Feeds the engine from ALERTS (analytics' raised and cleared conditions) and ML_PREDICTIONS (predictions and
 * anomalies) through durable consumers shared by every replica: a replica that is down catches up when it returns,
 * and a redelivered event changes nothing the first delivery did. A subject this version does not know, or an event
 * it cannot read, goes to the dead letters (kept, replayable) rather than being acknowledged and lost.
 */
@Injectable()
export class AlertEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AlertEventsConsumer.name);
  private readonly running: RunningConsumer[] = [];

  constructor(
    private readonly consumers: DurableConsumerFactory,
    private readonly engine: AlertEngine,
    @Inject(ALERT_EVENT_SOURCES) private readonly sources: AlertEventSources,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { subjects } = this.sources;
    const predictionTypes = new Map(PREDICTION_EVENT_TYPES.map((type) => [subjects.prediction(type), type]));
    this.running.push(
      await this.consumers.start(this.sources.alerts, async (payload, ctx) => {
        if (ctx.subject === subjects.raised) return this.engine.onRaised(readAlertRaised(payload));
        if (ctx.subject === subjects.cleared) return this.engine.onCleared(readAlertCleared(payload));
        unknownSubject(ctx);
      }),
    );
    this.running.push(
      await this.consumers.start(this.sources.predictions, async (payload, ctx) => {
        if (ctx.subject === subjects.anomaly) return this.engine.onAnomaly(readAnomalyEvent(payload));
        const type = predictionTypes.get(ctx.subject);
        if (type === undefined) unknownSubject(ctx);
        const event = readPredictionEvent(payload);
        if (event.prediction_type !== type) throw new PoisonMessageError(`a ${event.prediction_type} prediction on ${ctx.subject}`);
        return this.engine.onPrediction(event);
      }),
    );
    this.logger.log(
      `Consuming ${this.sources.alerts.stream.name} as ${this.sources.alerts.durableName} and ${this.sources.predictions.stream.name} as ${this.sources.predictions.durableName}`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}

function unknownSubject(ctx: EventContext): never {
  throw new PoisonMessageError(`no handler for ${ctx.subject}`);
}
