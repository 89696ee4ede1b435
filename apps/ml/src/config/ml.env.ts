import { DatabaseEnv } from '@shopfloor/config';

/** The ml service's environment (see .env.example). */
export class MlEnv extends DatabaseEnv {
  override PORT: number = 3003;
}
