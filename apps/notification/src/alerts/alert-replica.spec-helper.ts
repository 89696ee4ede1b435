import { randomUUID } from 'node:crypto';
import { validateEnv } from '@shopfloor/config';
import { STREAMS, SUBJECTS, type AlertView, type ConsumerDefinition, type LiveMessage, type StreamDefinition } from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions, type ServiceDatabaseSettings } from '@shopfloor/database';
import {
  AlertCheckRepository,
  AlertRepository,
  AlertRuleRepository,
  MachineConditionRepository,
  NOTIFICATION_ENTITIES,
  NOTIFICATION_MIGRATIONS,
} from '@shopfloor/notification/data-access';
import { DurableConsumerFactory, JetStreamService, NatsConnectionHolder, RpcClient } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { createTestDatabase, TEST_INFRA, uniqueName, type TestDatabase } from '@shopfloor/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationEnv } from '../config/notification.env';
import { AlertNotifier, type AlertNotice } from '../delivery/alert-notifier';
import { TestClock } from '../delivery/test-clock.spec-helper';
import { RulesService } from '../rules/rules.service';
import { AlertEngine } from './alert-engine';
import type { AlertEventSources } from './alert-event-sources';
import { AlertEventsConsumer } from './alert-events.consumer';
import { AlertLifecycle } from './alert-lifecycle';
import { AlertTicker } from './alert-ticker';
import { AlertsService } from './alerts.service';
import { LiveAlertsPublisher } from './live-alerts.publisher';
import { LiveReconciler } from './live-reconciler';
import { MachineDirectory } from './machine-directory';
import { OeeCheck } from './oee-check';

const codec = JSONCodec<unknown>();

/** The outbox port as the engine sees it: every notice kept, with whether it came inside the caller's transaction. */
export class RecordingNotifier extends AlertNotifier {
  readonly notices: { notice: AlertNotice; inTransaction: boolean }[] = [];

  async enqueue(notice: AlertNotice, manager?: EntityManager): Promise<string[]> {
    this.notices.push({ notice, inTransaction: manager?.queryRunner?.isTransactionActive === true });
    return notice.channels.map(() => randomUUID());
  }

  of(alertId: string): AlertNotice[] {
    return this.notices.filter((n) => n.notice.alert.id === alertId).map((n) => n.notice);
  }
}

/** One notification replica's alert engine: its own NATS connection and pool, on the shared database, clock and notifier. */
export interface AlertReplica {
  alerts: AlertRepository;
  rules: AlertRuleRepository;
  conditions: MachineConditionRepository;
  engine: AlertEngine;
  lifecycle: AlertLifecycle;
  ticker: AlertTicker;
  alertsService: AlertsService;
  rulesService: RulesService;
  connection: NatsConnection;
}

/**
 * A database with the notification schema, two streams of the test's own standing in for ALERTS and ML_PREDICTIONS
 * (so nothing of the platform's streams is read or left behind), and replicas of the engine on them.
 */
export class AlertTestbed {
  readonly clock = new TestClock(new Date('2026-01-14T08:00:00.000Z'));
  readonly notifier = new RecordingNotifier();
  readonly live: LiveMessage<AlertView>[] = [];
  sources!: AlertEventSources;
  env!: NotificationEnv;
  private db!: TestDatabase;
  private settings!: ServiceDatabaseSettings;
  private publisher!: NatsConnection;
  private jetStream!: JetStreamService;
  private readonly streams: StreamDefinition[] = [];
  private readonly closers: (() => Promise<unknown>)[] = [];

  async start(): Promise<void> {
    this.db = await createTestDatabase('sf_notification_alerts');
    this.settings = {
      url: this.db.serviceUrl('notification'),
      schema: 'notification',
      ssl: 'disable',
      poolSize: 6,
      applicationName: 'test',
      entities: NOTIFICATION_ENTITIES,
      migrations: NOTIFICATION_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(this.settings);
    this.env = validateEnv(NotificationEnv, { DATABASE_URL: this.settings.url, NATS_URL: TEST_INFRA.natsUrl });
    this.publisher = await connect({ servers: TEST_INFRA.natsUrl });
    this.jetStream = new JetStreamService(new NatsConnectionHolder(this.publisher));
    const prefix = uniqueName('alerttest');
    const stream = (name: string): StreamDefinition => ({
      name: `${prefix}_${name}`.toUpperCase(),
      subjects: [`${prefix}.${name}.>`],
      description: 'alert engine test',
      maxAgeSeconds: 3600,
      duplicateWindowSeconds: 60,
    });
    const alerts = stream('alerts');
    const ml = stream('ml');
    this.streams.push(alerts, ml);
    await this.jetStream.ensureStreams([alerts, ml, STREAMS.deadLetters]);
    const consumer = (def: StreamDefinition): ConsumerDefinition => ({
      stream: def,
      durableName: uniqueName('notification'),
      filterSubject: def.subjects[0],
      maxDeliver: 5,
      ackWaitSeconds: 10,
    });
    this.sources = {
      alerts: consumer(alerts),
      predictions: consumer(ml),
      subjects: {
        raised: `${prefix}.alerts.raised`,
        cleared: `${prefix}.alerts.cleared`,
        anomaly: `${prefix}.ml.anomaly`,
        prediction: (type) => `${prefix}.ml.${type}`,
      },
    };
    this.publisher.subscribe(SUBJECTS.live.alerts, {
      callback: (_error, msg) => {
        const message = codec.decode(msg.data) as LiveMessage<AlertView>;
        // Only this test's alerts: others on the same server publish here too.
        if (message.machine_id?.startsWith('mt_') && typeof message.data.state === 'string') this.live.push(message);
      },
    });
  }

  async replica(): Promise<AlertReplica> {
    const connection = await connect({ servers: TEST_INFRA.natsUrl });
    const holder = new NatsConnectionHolder(connection);
    const dataSource = await new DataSource(serviceDataSourceOptions(this.settings)).initialize();
    const alerts = new AlertRepository(dataSource);
    const rules = new AlertRuleRepository(dataSource);
    const conditions = new MachineConditionRepository(dataSource);
    const rpc = new RpcClient(holder, { url: TEST_INFRA.natsUrl, name: 'test', rpcTimeoutMs: 2000 });
    const lifecycle = new AlertLifecycle(alerts, rules, this.notifier, new LiveAlertsPublisher(holder), this.clock);
    const directory = new MachineDirectory(rpc, this.env);
    const engine = new AlertEngine(rules, conditions, alerts, lifecycle, directory, this.clock);
    const ticker = new AlertTicker(
      new AlertCheckRepository(dataSource),
      this.clock,
      this.env,
      engine,
      new LiveReconciler(rpc, conditions, engine, this.clock),
      new OeeCheck(rules, alerts, lifecycle, directory, rpc, this.clock),
    );
    const consumer = new AlertEventsConsumer(new DurableConsumerFactory(new JetStreamService(holder), holder, new MetricsRegistry()), engine, this.sources);
    await consumer.onApplicationBootstrap();
    this.closers.push(async () => {
      await consumer.beforeApplicationShutdown();
      await connection.close();
      await dataSource.destroy();
    });
    return {
      alerts,
      rules,
      conditions,
      engine,
      lifecycle,
      ticker,
      alertsService: new AlertsService(alerts, lifecycle),
      rulesService: new RulesService(rules, alerts, lifecycle, this.clock),
      connection,
    };
  }

  /** Publishes an event to the test's stream under a message id of its own, and waits for the stream's ack. */
  async publish(subject: string, payload: unknown): Promise<void> {
    await this.jetStream.publish(subject, payload, randomUUID());
  }

  /** The test's own connection, for clients of the replicas. */
  publisherConnection(): NatsConnection {
    return this.publisher;
  }

  /** A machine id of this test: the live messages of these are the ones collected. */
  machine(): string {
    return uniqueName('mt');
  }

  liveOf(machineId: string): LiveMessage<AlertView>[] {
    return this.live.filter((m) => m.machine_id === machineId);
  }

  async stop(): Promise<void> {
    for (const close of this.closers.splice(0)) await close();
    const jsm = await this.jetStream.jsm();
    for (const def of this.streams) await jsm.streams.delete(def.name).catch(() => undefined);
    await this.publisher.close();
    await this.db.drop();
  }
}
