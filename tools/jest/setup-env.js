// Tests run without a trace collector and with quiet logs unless asked otherwise.
process.env.OTEL_TRACES_EXPORTER ??= 'none';
process.env.OTEL_METRICS_EXPORTER ??= 'none';
process.env.OTEL_SDK_DISABLED ??= 'true';
process.env.LOG_LEVEL ??= 'silent';
require('reflect-metadata');
require('@nestjs/common').Logger.overrideLogger(false);
