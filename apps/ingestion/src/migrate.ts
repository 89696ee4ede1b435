import 'reflect-metadata';
import { INGESTION_ENTITIES, INGESTION_MIGRATIONS } from '@shopfloor/ingestion/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';

void runMigrationsCommand('ingestion', { entities: INGESTION_ENTITIES, migrations: INGESTION_MIGRATIONS });
