import type { ServiceName } from '../services';

export type DependencyState = 'up' | 'down';

/** Reply of `<service>.health.ping`: the service is up and says how its own dependencies are. */
export interface HealthPingReply {
  service: ServiceName;
  status: 'ok' | 'degraded';
  instance: string;
  version: string;
  uptime_seconds: number;
  dependencies: Record<string, DependencyState>;
}
