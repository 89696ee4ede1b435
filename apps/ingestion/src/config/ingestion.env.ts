import { DatabaseEnv } from '@shopfloor/config';

/** The ingestion service's environment (see .env.example). */
export class IngestionEnv extends DatabaseEnv {
  override PORT: number = 3001;
}
