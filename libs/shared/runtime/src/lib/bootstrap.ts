import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ClassConstructor } from 'class-transformer';
import { ConfigValidationError, DatabaseEnv, loadEnv, tracingWanted, type BaseServiceEnv } from '@shopfloor/config';
import { redactUrl } from '@shopfloor/database';
import { NatsConnectionHolder, NatsRpcServer, RpcErrorPassthroughFilter } from '@shopfloor/nats';
import {
  createRootLogger,
  HealthRegistry,
  httpObservabilityMiddleware,
  MetricsRegistry,
  PinoNestLogger,
  startTracing,
  stopTracing,
} from '@shopfloor/observability';
import { connectRpcServer } from './connect-rpc-server';
import { ServiceModule, type ServiceDefinition } from './service.module';

export interface BootstrapOptions<E extends BaseServiceEnv> extends ServiceDefinition {
  envClass: ClassConstructor<E>;
  /** HTTP-side setup before listening (the gateway adds its pipes, filters and docs here). */
  configureHttp?: (app: INestApplication, env: E) => void | Promise<void>;
  /** Whether the service answers RPC over NATS (every service but the gateway). */
  rpcServer: boolean;
  httpOptions?: NestApplicationOptions;
}

export interface RunningService {
  app: INestApplication;
  close(): Promise<void>;
}

/**
 * Starts one service: validated env (a bad or missing variable stops it with the variable's name), tracing, JSON
 * logs, metrics, NATS RPC in the service's queue group, HTTP on HOST:PORT; SIGTERM/SIGINT stop it gracefully within
 * SHUTDOWN_TIMEOUT_MS (readiness fails first, requests in flight finish, NATS drains, pools close).
 */
export async function bootstrapService<E extends BaseServiceEnv>(options: BootstrapOptions<E>): Promise<RunningService> {
  let env: E;
  try {
    env = loadEnv(options.envClass);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${options.service}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (tracingWanted()) startTracing(options.service, true);
  const logger = createRootLogger(options.service, env.LOG_LEVEL);

  let app: INestApplication;
  try {
    app = await NestFactory.create(ServiceModule.forService(options, env), {
      ...options.httpOptions,
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
  } catch (error) {
    logger.fatal({ err: error }, `${options.service} could not start: ${describeStartupError(error, env)}`);
    process.exit(1);
  }

  const metrics = app.get(MetricsRegistry);
  metrics.setDefaultLabels({ service: options.service });
  app.use(httpObservabilityMiddleware(metrics));
  await options.configureHttp?.(app, env);

  if (options.rpcServer) {
    const strategy = new NatsRpcServer(app.get(NatsConnectionHolder).connection, options.service, metrics, env.SHUTDOWN_TIMEOUT_MS);
    connectRpcServer(app, strategy, [new RpcErrorPassthroughFilter()]);
    await app.startAllMicroservices();
  }
  await app.listen(env.PORT, env.HOST);
  logger.info({ host: env.HOST, port: env.PORT }, `${options.service} listening on port ${env.PORT} (${env.HOST})`);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      app.get(HealthRegistry).markShuttingDown();
      await app.close();
      await stopTracing();
    })();
    return closing;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, `${options.service} shutting down`);
      const force = setTimeout(() => {
        logger.error(`${options.service} did not stop within ${env.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
        process.exit(1);
      }, env.SHUTDOWN_TIMEOUT_MS);
      force.unref();
      close().then(
        () => {
          logger.info(`${options.service} stopped`);
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
    });
  }
  return { app, close };
}

function describeStartupError(error: unknown, env: BaseServiceEnv): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  if (
    env instanceof DatabaseEnv &&
    (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || /connect|password authentication|does not exist/i.test(message)) &&
    !/NATS/.test(message)
  ) {
    return `PostgreSQL is not usable at ${redactUrl(env.DATABASE_URL)} (${message}). Start PostgreSQL, create the schemas with 'npm run provision', or fix DATABASE_URL.`;
  }
  return message;
}
