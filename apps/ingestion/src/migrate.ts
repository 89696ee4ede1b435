import 'reflect-metadata';
import { INGESTION_ENTITIES, INGESTION_MIGRATIONS } from '@shopfloor/ingestion/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';
import { IngestionEnv } from './config/ingestion.env';

void runMigrationsCommand('ingestion', IngestionEnv, { entities: INGESTION_ENTITIES, migrations: INGESTION_MIGRATIONS });
