import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { tracePostgresQueries } from './postgres-tracing';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry tracing before the app loads. Exporters follow the standard OTEL_* variables
 * (OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SDK_DISABLED); NATS spans are made by the NATS layer,
 * which carries the trace context in message headers; PostgreSQL queries get a span each.
 */
export function startTracing(serviceName: string, enabled: boolean): void {
  if (!enabled || sdk) return;
  sdk = new NodeSDK({ serviceName, instrumentations: [new HttpInstrumentation()] });
  sdk.start();
  tracePostgresQueries();
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}
