/** The platform's services. Each owns the Postgres schema of the same name and answers RPC in a queue group of that name. */
export const SERVICE_NAMES = ['gateway', 'ingestion', 'analytics', 'ml', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The services behind the gateway, which it asks over NATS. */
export const DOWNSTREAM_SERVICES = ['ingestion', 'analytics', 'ml', 'notification'] as const satisfies readonly ServiceName[];
export type DownstreamService = (typeof DOWNSTREAM_SERVICES)[number];
