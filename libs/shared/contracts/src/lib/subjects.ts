import type { PredictionEventType } from './payloads/alerts.payload';
import type { DownstreamService } from './services';

/**
 * Every NATS subject of the platform. Request/reply subjects (`<service>.<feature>.<verb>`) are disjoint from the
 * subjects JetStream streams capture, because a stream would otherwise answer a request with its publish ack.
 */
export const SUBJECTS = {
  ingestion: {
    healthPing: 'ingestion.health.ping',
    syncStart: 'ingestion.sync.start',
    syncStatus: 'ingestion.sync.status',
    quarantineList: 'ingestion.quarantine.list',
    deadLettersList: 'ingestion.dead-letters.list',
    deadLettersReplay: 'ingestion.dead-letters.replay',
    mappingCheck: 'ingestion.mapping.check',
    /** SourceCountsView: rows per entity in the source, its quarantine and what a sync has not read yet. */
    sourceCounts: 'ingestion.source.counts',
  },
  analytics: {
    healthPing: 'analytics.health.ping',
    machinesList: 'analytics.machines.list',
    machineGet: 'analytics.machines.get',
    machineJobs: 'analytics.machines.jobs',
    machineDowntime: 'analytics.machines.downtime',
    machineStates: 'analytics.machines.states',
    machineReadings: 'analytics.machines.readings',
    integrityGet: 'analytics.integrity.get',
    calendarGet: 'analytics.calendars.get',
    calendarPut: 'analytics.calendars.put',
    calendarDelete: 'analytics.calendars.delete',
    oeeGet: 'analytics.oee.get',
    downtimePatternsGet: 'analytics.downtime-patterns.get',
    efficiencyGet: 'analytics.efficiency.get',
    currentShiftGet: 'analytics.oee.current-shift',
    liveList: 'analytics.live.list',
    reportDaily: 'analytics.reports.daily',
    reportCustom: 'analytics.reports.custom',
    /**
     * AnswersChanged, after analytics has applied new data or a calendar change and dropped its cached answers (plain
     * core NATS, no queue group: every gateway replica hears it and drops its own copies).
     */
    answersChanged: 'analytics.answers.changed',
  },
  ml: {
    healthPing: 'ml.health.ping',
    datasetCreate: 'ml.datasets.create',
    datasetList: 'ml.datasets.list',
    /** DatasetIdRequest → { deleted: true } */
    datasetDelete: 'ml.datasets.delete',
    /** ListPredictionsQuery → PredictionPage */
    predictionsList: 'ml.predictions.list',
    trainStart: 'ml.train.start',
    trainGet: 'ml.train.get',
    trainList: 'ml.train.list',
    modelsList: 'ml.models.list',
    modelActivate: 'ml.models.activate',
    evaluate: 'ml.models.evaluate',
    predictFailureRisk: 'ml.predict.failure-risk',
    predictDowntime: 'ml.predict.downtime',
    predictAnomalies: 'ml.predict.anomalies',
    predictMaintenance: 'ml.predict.maintenance-window',
    /** MachineRiskRequest → MachineRiskView */
    machineRisk: 'ml.machines.risk',
    modelAccuracy: 'ml.models.accuracy',
    optimizeSchedule: 'ml.schedule.optimize',
  },
  notification: {
    healthPing: 'notification.health.ping',
    /** ListAlertsQuery → AlertPage */
    alertsList: 'notification.alerts.list',
    /** AlertIdRequest → AlertDetailView */
    alertGet: 'notification.alerts.get',
    /** AlertActionRequest → AlertView */
    alertAcknowledge: 'notification.alerts.acknowledge',
    alertResolve: 'notification.alerts.resolve',
    /** {} → { items: RuleView[] } */
    rulesList: 'notification.rules.list',
    /** AlertIdRequest → RuleView */
    ruleGet: 'notification.rules.get',
    /** RuleBody → RuleView */
    ruleCreate: 'notification.rules.create',
    /** RuleUpdateRequest → RuleView */
    ruleUpdate: 'notification.rules.update',
    /** AlertIdRequest → { deleted: true } */
    ruleDelete: 'notification.rules.delete',
    /** ListDeliveriesQuery → DeliveryPage */
    deliveriesList: 'notification.deliveries.list',
    /** {} → { items: ReportScheduleView[] } */
    schedulesList: 'notification.schedules.list',
    /** ReportScheduleBody → ReportScheduleView */
    scheduleCreate: 'notification.schedules.create',
    /** AlertIdRequest → { deleted: true } */
    scheduleDelete: 'notification.schedules.delete',
    /** ScheduleRunsRequest → { items: ReportRunView[] } */
    scheduleRuns: 'notification.schedules.runs',
  },
  /** Gateway replicas among themselves (plain core NATS, every replica gets each message). */
  gateway: {
    /** `{ id }` of a revoked API key: every replica drops it from its credential cache at once. */
    apiKeyRevoked: 'gateway.api-keys.revoked',
  },
  /** Canonical shop-floor records published by ingestion (stream SHOPFLOOR). */
  shopfloor: {
    all: 'shopfloor.>',
    /** MachinesUpserted */
    machinesUpserted: 'shopfloor.machines.upserted',
    /** JobsUpserted */
    jobsUpserted: 'shopfloor.jobs.upserted',
    /** DowntimeRecordsUpserted */
    downtimeRecordsUpserted: 'shopfloor.downtime_records.upserted',
    /** MachineEventsAppended */
    machineEventsAppended: 'shopfloor.machine_events.appended',
    /** MachineReadingsAppended */
    machineReadingsAppended: 'shopfloor.machine_readings.appended',
    /** RecordsDeleted (any entity) */
    recordsDeleted: 'shopfloor.records.deleted',
  },
  /** Raised alerts (stream ALERTS). */
  alerts: {
    all: 'alerts.>',
    /** AlertRaised */
    raised: 'alerts.raised',
    /** AlertCleared */
    cleared: 'alerts.cleared',
  },
  /** Prediction events (stream ML_PREDICTIONS). */
  mlEvents: {
    all: 'ml.prediction.>',
    /** AnomalyEvent */
    anomaly: 'ml.prediction.anomaly',
    /** PredictionEvent of one type: `ml.prediction.downtime`, `.failure_risk`, `.maintenance_window`. */
    prediction: (type: PredictionEventType): string => `ml.prediction.${type}`,
  },
  /** Records a consumer could not apply, reported back to ingestion's quarantine (stream REJECTIONS). */
  rejections: {
    all: 'rejections.>',
    /** RecordsRejected from one consumer of SHOPFLOOR. */
    shopfloor: (consumer: string): string => `rejections.shopfloor.${consumer}`,
  },
  /** Messages that exhausted their deliveries: `dlq.<stream>.<consumer>` (stream DEAD_LETTERS). */
  deadLetter: {
    all: 'dlq.>',
    of: (stream: string, consumer: string): string => `dlq.${stream}.${consumer}`,
  },
  /** Live fan-out to every gateway replica (plain core NATS, no queue group). */
  live: {
    /** A machine's status subject; the id is one subject token (machineSubjectToken), whatever characters it has. */
    machine: (machineId: string): string => `live.machine.${machineSubjectToken(machineId)}`,
    allMachines: 'live.machine.*',
    /** LiveMessage<AlertView> of every change of an alert (opened, updated, acknowledged, escalated, resolved), from notification. */
    alerts: 'live.alerts',
  },
} as const;

/**
 * A machine id as one NATS subject token. Ids of letters, digits, '-' and '_' stand as they are (the common case,
 * readable in tools); any other id — with a dot, a space, '*', '>' or non-ASCII characters, each of which would
 * break or widen the subject — is written as '~' and the base64url of its UTF-8 bytes.
 */
export function machineSubjectToken(machineId: string): string {
  return /^[A-Za-z0-9_-]+$/.test(machineId) ? machineId : `~${Buffer.from(machineId, 'utf8').toString('base64url')}`;
}

/** The machine id of a subject token written by machineSubjectToken. */
export function machineIdOfSubjectToken(token: string): string {
  return token.startsWith('~') ? Buffer.from(token.slice(1), 'base64url').toString('utf8') : token;
}

/** The health-ping subject of each downstream service, as the gateway's readiness check asks them. */
export const HEALTH_PING_SUBJECTS: Record<DownstreamService, string> = {
  ingestion: SUBJECTS.ingestion.healthPing,
  analytics: SUBJECTS.analytics.healthPing,
  ml: SUBJECTS.ml.healthPing,
  notification: SUBJECTS.notification.healthPing,
};

/** NATS message headers the platform sets on every request and event. */
export const HEADERS = {
  requestId: 'x-request-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  /** Set on dead letters: why the message was given up on. */
  deadLetterReason: 'x-dead-letter-reason',
  deadLetterStream: 'x-dead-letter-stream',
  deadLetterConsumer: 'x-dead-letter-consumer',
  deadLetterDeliveries: 'x-dead-letter-deliveries',
  /** Set on dead letters: the subject the message was published on (where a replay publishes it again). */
  deadLetterOriginalSubject: 'x-original-subject',
} as const;
