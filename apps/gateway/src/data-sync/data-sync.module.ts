import { Module } from '@nestjs/common';
import { DataSyncController } from './data-sync.controller';

/** Ingestion's side of the data: starting a sync and its status, the source mapping, quarantined rows and dead letters. */
@Module({ controllers: [DataSyncController] })
export class DataSyncModule {}
