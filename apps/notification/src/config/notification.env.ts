import { DatabaseEnv } from '@shopfloor/config';

/** The notification service's environment (see .env.example). */
export class NotificationEnv extends DatabaseEnv {
  override PORT: number = 3004;
}
