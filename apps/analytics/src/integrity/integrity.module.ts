import { Module } from '@nestjs/common';
import { ReadModelRepositoriesModule } from '../read-model/read-model-repositories.module';
import { IntegrityHandler } from './integrity.handler';
import { IntegrityService } from './integrity.service';
import { DEFAULT_INTEGRITY_SETTINGS, INTEGRITY_SETTINGS } from './integrity.settings';

@Module({
  imports: [ReadModelRepositoriesModule],
  controllers: [IntegrityHandler],
  providers: [IntegrityService, { provide: INTEGRITY_SETTINGS, useValue: DEFAULT_INTEGRITY_SETTINGS }],
})
export class IntegrityModule {}
