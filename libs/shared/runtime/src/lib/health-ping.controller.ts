import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HEALTH_PING_SUBJECTS, type DownstreamService, type HealthPingReply } from '@shopfloor/contracts';
import { HealthRegistry } from '@shopfloor/observability';
import { hostname } from 'node:os';
import { PLATFORM_VERSION } from './version';

const startedAt = Date.now();

/** Answers the gateway's readiness ping for one service, with the state of that service's own dependencies. */
export function createHealthPingController(service: DownstreamService): Type<unknown> {
  @Controller()
  class HealthPingController {
    constructor(private readonly health: HealthRegistry) {}

    @MessagePattern(HEALTH_PING_SUBJECTS[service])
    async ping(): Promise<HealthPingReply> {
      const report = await this.health.readiness();
      return {
        service,
        status: report.status === 'ok' ? 'ok' : 'degraded',
        instance: `${hostname()}:${process.pid}`,
        version: PLATFORM_VERSION,
        uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
        dependencies: report.dependencies,
      };
    }
  }
  return HealthPingController;
}
