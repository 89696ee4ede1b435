import 'reflect-metadata';
import { ML_ENTITIES, ML_MIGRATIONS } from '@shopfloor/ml/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';

void runMigrationsCommand('ml', { entities: ML_ENTITIES, migrations: ML_MIGRATIONS });
