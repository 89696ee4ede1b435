import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { IntegrityHandler } from './integrity.handler';
import { IntegrityService } from './integrity.service';
import { DEFAULT_INTEGRITY_SETTINGS, INTEGRITY_SETTINGS } from './integrity.settings';

@Module({
  imports: [ReadModelModule],
  controllers: [IntegrityHandler],
  providers: [IntegrityService, { provide: INTEGRITY_SETTINGS, useValue: DEFAULT_INTEGRITY_SETTINGS }],
})
export class IntegrityModule {}
