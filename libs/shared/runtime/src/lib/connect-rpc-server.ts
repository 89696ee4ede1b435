import type { INestApplication, RpcExceptionFilter } from '@nestjs/common';
import type { CustomTransportStrategy, MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';

/**
 * Attaches an RPC transport to a hybrid application with the given exception filters around its handlers. Nest
 * applies a global filter only to handlers wrapped after it is added, and `connectMicroservice` wraps them at once
 * unless initialization is deferred; deferred, `startAllMicroservices` would run every module's init hooks, and the
 * application's own init would run them again. So the filters go in first, then the three steps `connectMicroservice`
 * takes itself when not deferred (@nestjs/core nest-application.js): register the listeners, mark the microservice
 * initialized and its init hook called. None of the three is on `INestMicroservice`; `connect-rpc-server.spec.ts`
 * fails naming the one an upgrade changed.
 */
export function connectRpcServer(app: INestApplication, strategy: CustomTransportStrategy, filters: RpcExceptionFilter[]): NestMicroservice {
  const rpc = app.connectMicroservice<MicroserviceOptions>({ strategy }, { inheritAppConfig: false, deferInitialization: true }) as NestMicroservice;
  rpc.useGlobalFilters(...filters);
  rpc.registerListeners();
  rpc.setIsInitialized(true);
  rpc.setIsInitHookCalled(true);
  return rpc;
}
