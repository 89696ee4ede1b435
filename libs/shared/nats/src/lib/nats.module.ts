import { type InjectionToken, Global, Injectable, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { STREAMS } from '@shopfloor/contracts';
import { HealthRegistry } from '@shopfloor/observability';
import { DurableConsumerFactory } from './durable-consumer';
import { JetStreamService } from './jetstream';
import { NatsConnectionHolder, openNatsConnection } from './nats-connection';
import { NATS_OPTIONS, type NatsOptions } from './nats-options';
import { RecordRejections } from './record-rejections';
import { RpcClient } from './rpc-client';

@Injectable()
class NatsLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly holder: NatsConnectionHolder,
    private readonly jetStream: JetStreamService,
    private readonly health: HealthRegistry,
  ) {}

  /** Every stream exists before any service publishes or consumes; creating one that exists changes nothing. */
  async onModuleInit(): Promise<void> {
    this.health.register('nats', () => this.holder.check());
    await this.jetStream.ensureStreams(Object.values(STREAMS));
  }

  /** Runs after the RPC server and consumers have stopped: flushes what is still buffered, then closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.holder.drain();
  }
}

export interface NatsModuleAsyncOptions {
  inject: InjectionToken[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => NatsOptions | Promise<NatsOptions>;
}

/** One NATS connection per process, with the RPC client, JetStream helpers and a readiness check on top. */
@Global()
@Module({})
export class NatsModule {
  static forRootAsync(options: NatsModuleAsyncOptions): DynamicModule {
    return {
      module: NatsModule,
      providers: [
        { provide: NATS_OPTIONS, inject: options.inject, useFactory: options.useFactory },
        {
          provide: NatsConnectionHolder,
          inject: [NATS_OPTIONS],
          useFactory: async (opts: NatsOptions) => new NatsConnectionHolder(await openNatsConnection(opts)),
        },
        RpcClient,
        JetStreamService,
        DurableConsumerFactory,
        RecordRejections,
        NatsLifecycle,
      ],
      exports: [NATS_OPTIONS, NatsConnectionHolder, RpcClient, JetStreamService, DurableConsumerFactory, RecordRejections],
    };
  }
}
