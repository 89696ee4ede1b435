import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { validateEnv } from './validate-env';

/** Reads and validates the process environment into the service's env class (the only place env is read). */
export function loadEnv<T extends object>(cls: ClassConstructor<T>): T {
  return validateEnv(cls, process.env);
}

/** Whether OpenTelemetry should start: only when an exporter is configured and the SDK is not disabled. */
export function tracingWanted(): boolean {
  const env = process.env;
  if (env['OTEL_SDK_DISABLED'] === 'true') return false;
  const exporter = env['OTEL_TRACES_EXPORTER'];
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || (exporter && exporter !== 'none'));
}

/**
 * Provides the validated env object under its own class and every base class, so a library injects `DatabaseEnv`
 * and an app injects `GatewayEnv`, both typed, both the same validated instance.
 */
@Module({})
export class EnvModule {
  static forRoot(env: object): DynamicModule {
    const providers: Provider[] = [];
    for (let proto = Object.getPrototypeOf(env) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
      providers.push({ provide: proto.constructor, useValue: env });
    }
    return { module: EnvModule, global: true, providers, exports: providers.map((p) => (p as { provide: unknown }).provide as never) };
  }
}
