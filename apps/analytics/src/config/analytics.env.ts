import { RedisServiceEnv } from '@shopfloor/config';

/** The analytics service's environment (see .env.example). */
export class AnalyticsEnv extends RedisServiceEnv {
  override PORT: number = 3002;
}
