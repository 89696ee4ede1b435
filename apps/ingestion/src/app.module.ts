import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';

@Module({
  controllers: [createHealthPingController('ingestion')],
})
export class AppModule {}
