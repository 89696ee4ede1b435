import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller';

/** The integrity report of the synced data: analytics' checks of its read model, held against ingestion's count of the source. */
@Module({ controllers: [IntegrityController] })
export class IntegrityModule {}
