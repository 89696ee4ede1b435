import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process: default process metrics plus a latency histogram per HTTP route and NATS handler. */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly natsHandlerDuration = new Histogram({
    name: 'nats_handler_duration_seconds',
    help: 'NATS handler duration by subject, kind (rpc or event) and outcome',
    labelNames: ['subject', 'kind', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Messages a durable consumer gave up on and copied to DEAD_LETTERS (counted once, however many copies were tried). */
  readonly natsDeadLettered = new Counter({
    name: 'nats_dead_lettered_messages_total',
    help: 'Messages moved to the dead letters by stream and consumer',
    labelNames: ['stream', 'consumer'] as const,
    registers: [this.registry],
  });

  /** Records a SHOPFLOOR consumer could not apply and reported to the quarantine (the rest of their batch was applied). */
  readonly rejectedRecords = new Counter({
    name: 'shopfloor_rejected_records_total',
    help: 'Records a consumer rejected one by one and reported to the quarantine, by consumer and entity',
    labelNames: ['consumer', 'entity'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  setDefaultLabels(labels: Record<string, string>): void {
    this.registry.setDefaultLabels(labels);
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
