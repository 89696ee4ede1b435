import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DOWNSTREAM_SERVICES, HEALTH_PING_SUBJECTS, type DownstreamService, type HealthPingReply } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { GatewayEnv } from '../config/gateway.env';

/** Asks each service behind the gateway whether it is up and its own dependencies are. */
@Injectable()
export class DownstreamHealth implements OnModuleInit {
  private readonly checks = new Map<DownstreamService, () => Promise<void>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly env: GatewayEnv,
  ) {}

  onModuleInit(): void {
    for (const service of DOWNSTREAM_SERVICES) {
      this.checks.set(service, async () => {
        const reply = await this.rpc.request<HealthPingReply>(HEALTH_PING_SUBJECTS[service], {}, this.env.READY_TIMEOUT_MS);
        if (reply.status !== 'ok') throw new Error(`${service} reports ${reply.status}`);
      });
    }
  }

  entries(): [DownstreamService, () => Promise<void>][] {
    return [...this.checks.entries()];
  }
}
