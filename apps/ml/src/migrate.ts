import 'reflect-metadata';
import { ML_ENTITIES, ML_MIGRATIONS } from '@shopfloor/ml/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';
import { MlEnv } from './config/ml.env';

void runMigrationsCommand('ml', MlEnv, { entities: ML_ENTITIES, migrations: ML_MIGRATIONS });
