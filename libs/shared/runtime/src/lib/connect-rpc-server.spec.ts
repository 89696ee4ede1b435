import { Catch, Controller, Injectable, Module, type ArgumentsHost, type OnModuleInit, type RpcExceptionFilter } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern, NestMicroservice, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { readFileSync } from 'node:fs';
import { lastValueFrom, throwError, type Observable } from 'rxjs';
import { connectRpcServer } from './connect-rpc-server';

/*
 * bootstrapService (through connectRpcServer) and NatsRpcServer use parts of Nest that are not on its public
 * interfaces. Each check below names the part and what depends on it, so an upgrade that changes one fails here,
 * with the reason, instead of as services that silently answer every RPC error with "Internal server error", run
 * their init hooks twice, or answer nothing.
 */

function versionOf(pkg: string): string {
  const json = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
  return `${pkg} ${json.version}`;
}
const VERSIONS = `${versionOf('@nestjs/core')}, ${versionOf('@nestjs/microservices')}`;

function pinned(holds: boolean, what: string, reliedOnBy: string): void {
  if (!holds) throw new Error(`Nest internal changed (${VERSIONS}): ${what}. Relied on by ${reliedOnBy}; adapt it before upgrading.`);
}

const BOOTSTRAP = 'connectRpcServer (libs/shared/runtime/src/lib/connect-rpc-server.ts), used by bootstrapService';
const TRANSPORT = 'NatsRpcServer (libs/shared/nats/src/lib/rpc-server.ts)';

const initHooks = { count: 0 };

@Injectable()
class CountsInit implements OnModuleInit {
  onModuleInit(): void {
    initHooks.count += 1;
  }
}

class HandlerFailure extends Error {}

@Controller()
class PinnedController {
  @MessagePattern('pinned.request')
  request(): never {
    throw new HandlerFailure('from the handler');
  }

  @EventPattern('pinned.event')
  event(): void {
    // only registered
  }
}

@Module({ controllers: [PinnedController], providers: [CountsInit] })
class PinnedModule {}

@Catch()
class Passthrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    void host;
    return throwError(() => exception);
  }
}

/** A transport that records what Nest handed it when it is started. */
class RecordingServer extends Server implements CustomTransportStrategy {
  listens = 0;
  handlersAtListen = new Map<string, MessageHandler>();

  listen(callback: () => void): void {
    this.listens += 1;
    this.handlersAtListen = new Map(this.messageHandlers);
    callback();
  }
  close(): void {
    // nothing to close
  }
  on(): void {
    // no events
  }
  unwrap<T>(): T {
    throw new Error('not used');
  }
  /** Runs a handler as NatsRpcServer does: its result through transformToObservable, awaited. */
  async run(handler: MessageHandler, payload: unknown): Promise<unknown> {
    return lastValueFrom(this.transformToObservable(await handler(payload, {})));
  }
}

describe(connectRpcServer.name, () => {
  it('relies on NestMicroservice methods that still exist', () => {
    for (const method of ['registerListeners', 'setIsInitialized', 'setIsInitHookCalled', 'useGlobalFilters'] as const) {
      pinned(typeof NestMicroservice.prototype[method] === 'function', `NestMicroservice.prototype.${method} is no longer a method`, BOOTSTRAP);
    }
  });

  it('relies on Server members that still exist', () => {
    const server = new RecordingServer();
    pinned(server['messageHandlers'] instanceof Map, 'Server#messageHandlers is no longer a Map of pattern → handler', TRANSPORT);
    pinned(typeof server['transformToObservable'] === 'function', 'Server#transformToObservable is gone', TRANSPORT);
  });

  it('hands the transport every handler once, marked event or request, before it listens; init hooks run once', async () => {
    initHooks.count = 0;
    const app = await NestFactory.create(PinnedModule, { logger: false });
    try {
      const server = new RecordingServer();
      const registrations = jest.spyOn(NestMicroservice.prototype, 'registerListeners');
      const rpc = connectRpcServer(app, server, [new Passthrough()]);
      pinned(rpc instanceof NestMicroservice, 'connectMicroservice no longer returns a NestMicroservice', BOOTSTRAP);
      await app.startAllMicroservices();
      pinned(
        registrations.mock.calls.length === 1,
        `registerListeners() ran ${registrations.mock.calls.length}× although setIsInitialized(true) was called before listen()`,
        BOOTSTRAP,
      );
      registrations.mockRestore();
      pinned(
        initHooks.count === 0,
        `startAllMicroservices ran the init hooks (${initHooks.count}×) although setIsInitialized(true) and setIsInitHookCalled(true) were called`,
        BOOTSTRAP,
      );
      await app.init();

      pinned(server.listens === 1, `the transport's listen() ran ${server.listens}× on startAllMicroservices, not once`, BOOTSTRAP);
      const request = server.handlersAtListen.get('pinned.request');
      const event = server.handlersAtListen.get('pinned.event');
      pinned(
        request !== undefined && event !== undefined,
        `registerListeners() no longer fills messageHandlers by subject before listen (had: ${[...server.handlersAtListen.keys()].join(', ') || 'nothing'})`,
        `${BOOTSTRAP} and ${TRANSPORT}`,
      );
      pinned(
        request?.isEventHandler === false && event?.isEventHandler === true,
        'a handler no longer says by isEventHandler whether it is an @EventPattern',
        TRANSPORT,
      );
      pinned(initHooks.count === 1, `the init hooks ran ${initHooks.count}× over startAllMicroservices and init, not once`, BOOTSTRAP);

      const outcome = await server.run(request as MessageHandler, {}).then(
        () => 'answered',
        (error: unknown) => error,
      );
      pinned(
        outcome instanceof HandlerFailure,
        `a handler's error reached the transport as ${JSON.stringify(outcome instanceof Error ? outcome.message : outcome)}, not as thrown: the global filter added before registerListeners() was not applied`,
        BOOTSTRAP,
      );
    } finally {
      await app.close();
    }
  });

  it('keeps a microservice marked as having called its init hook from calling them', async () => {
    initHooks.count = 0;
    const app = await NestFactory.create(PinnedModule, { logger: false });
    try {
      const rpc = app.connectMicroservice({ strategy: new RecordingServer() }, { deferInitialization: true }) as NestMicroservice;
      rpc.setIsInitHookCalled(true);
      await app.startAllMicroservices();
      pinned(initHooks.count === 0, `setIsInitHookCalled(true) no longer keeps listen() from running the init hooks (ran ${initHooks.count}×)`, BOOTSTRAP);
    } finally {
      await app.close();
    }
  });

  it('without the filter, Nest would hide the error (why the filter must be in place before the handlers are wrapped)', async () => {
    const app = await NestFactory.create(PinnedModule, { logger: false });
    try {
      const server = new RecordingServer();
      connectRpcServer(app, server, []);
      await app.startAllMicroservices();
      const outcome = await server.run(server.handlersAtListen.get('pinned.request') as MessageHandler, {}).then(
        () => 'answered',
        (error: unknown) => error,
      );
      expect(outcome).not.toBeInstanceOf(HandlerFailure);
    } finally {
      await app.close();
    }
  });
});
