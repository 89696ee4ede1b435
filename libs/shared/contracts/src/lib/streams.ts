import { SUBJECTS } from './subjects';

export interface StreamDefinition {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly description: string;
  /** Maximum age of a message in the stream, in seconds (0 = no limit). */
  readonly maxAgeSeconds: number;
  /** Window in which a repeated Nats-Msg-Id is dropped as a duplicate, in seconds. */
  readonly duplicateWindowSeconds: number;
}

const DAY = 24 * 3600;

/** JetStream streams. Services create the ones they use at start; creating one that exists is harmless. */
export const STREAMS = {
  shopfloor: {
    name: 'SHOPFLOOR',
    subjects: [SUBJECTS.shopfloor.all],
    description: 'Canonical shop-floor records from the CIMCO source',
    maxAgeSeconds: 14 * DAY,
    duplicateWindowSeconds: 2 * 3600,
  },
  alerts: {
    name: 'ALERTS',
    subjects: [SUBJECTS.alerts.all],
    description: 'Alerts raised by analytics and ml',
    maxAgeSeconds: 30 * DAY,
    duplicateWindowSeconds: 3600,
  },
  mlPredictions: {
    name: 'ML_PREDICTIONS',
    subjects: [SUBJECTS.mlEvents.all],
    description: 'Predictions and anomalies from the ml service',
    maxAgeSeconds: 30 * DAY,
    duplicateWindowSeconds: 3600,
  },
  rejections: {
    name: 'REJECTIONS',
    subjects: [SUBJECTS.rejections.all],
    description: 'Records consumers could not apply, for the quarantine',
    maxAgeSeconds: 30 * DAY,
    duplicateWindowSeconds: 2 * 3600,
  },
  deadLetters: {
    name: 'DEAD_LETTERS',
    subjects: [SUBJECTS.deadLetter.all],
    description: 'Messages a consumer gave up on after its bounded redeliveries',
    maxAgeSeconds: 90 * DAY,
    duplicateWindowSeconds: 120,
  },
} as const satisfies Record<string, StreamDefinition>;

export interface ConsumerDefinition {
  readonly stream: StreamDefinition;
  readonly durableName: string;
  readonly filterSubject: string;
  /** Deliveries before a message goes to the dead-letter subject. */
  readonly maxDeliver: number;
  /** Seconds the server waits for an ack before redelivering. */
  readonly ackWaitSeconds: number;
  /**
   * Created where the stream already holds messages, the consumer starts with the next one rather than the stream's
   * history (once it exists it always resumes where it left off, so nothing published later is missed).
   */
  readonly startsAtCreation?: boolean;
}

/** Durable consumers, one per (service, purpose). */
export const CONSUMERS = {
  analyticsShopfloor: {
    stream: STREAMS.shopfloor,
    durableName: 'analytics-shopfloor',
    filterSubject: SUBJECTS.shopfloor.all,
    maxDeliver: 5,
    ackWaitSeconds: 30,
  },
  mlShopfloor: {
    stream: STREAMS.shopfloor,
    durableName: 'ml-shopfloor',
    filterSubject: SUBJECTS.shopfloor.all,
    maxDeliver: 5,
    ackWaitSeconds: 30,
  },
  // A notification service installed into a running platform tells people what happens from then on, not a month of
  // history: conditions that still hold when it starts are found by its reconciliation with analytics' live status.
  notificationAlerts: {
    stream: STREAMS.alerts,
    durableName: 'notification-alerts',
    filterSubject: SUBJECTS.alerts.all,
    maxDeliver: 10,
    ackWaitSeconds: 30,
    startsAtCreation: true,
  },
  notificationPredictions: {
    stream: STREAMS.mlPredictions,
    durableName: 'notification-predictions',
    filterSubject: SUBJECTS.mlEvents.all,
    maxDeliver: 10,
    ackWaitSeconds: 30,
    startsAtCreation: true,
  },
  ingestionRejections: {
    stream: STREAMS.rejections,
    durableName: 'ingestion-rejections',
    filterSubject: SUBJECTS.rejections.all,
    maxDeliver: 10,
    ackWaitSeconds: 30,
  },
} as const satisfies Record<string, ConsumerDefinition>;

/** The consumers of SHOPFLOOR: each reports the records it rejects, and each may hold dead letters. */
export const SHOPFLOOR_CONSUMERS = [CONSUMERS.analyticsShopfloor.durableName, CONSUMERS.mlShopfloor.durableName] as const;

/**
 * JetStream object store bucket where the gateway leaves an uploaded dataset for the ml service (a dataset is larger
 * than a NATS message); the ml service deletes it once stored, and the bucket forgets anything older than an hour.
 */
export const ML_UPLOADS_BUCKET = { name: 'ml-uploads', maxAgeSeconds: 3600 } as const;

/** Request/reply answers too large for one NATS message (a year of hourly OEE as XLSX), collected once by the caller. */
export const RPC_REPLIES_BUCKET = { name: 'rpc-replies', maxAgeSeconds: 600 } as const;
