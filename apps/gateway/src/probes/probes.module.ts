import { Module } from '@nestjs/common';
import { DownstreamHealth } from './downstream-health';
import { ProbesController } from './probes.controller';

/** /health, /ready (the gateway's own dependencies and every service behind it) and /metrics. */
@Module({
  controllers: [ProbesController],
  providers: [DownstreamHealth],
})
export class ProbesModule {}
