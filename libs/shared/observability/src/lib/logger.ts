import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import pino, { type Logger as PinoLogger, type DestinationStream } from 'pino';
import { requestContext } from './request-context';

export type Logger = PinoLogger;

/** Field names whose values never reach a log line, at the top level or one level down. */
const SECRET_FIELDS = ['password', 'authorization', '["x-api-key"]', 'api_key', 'key_hash', 'token', 'access_token', 'secret'];

/**
 * The process's root logger: JSON lines with the service name, ISO time, and the correlation id of the request or
 * message being handled (taken from the async context, so no call site has to pass it).
 */
export function createRootLogger(service: string, level: string, destination?: DestinationStream): PinoLogger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = requestContext.requestId();
        return requestId ? { request_id: requestId } : {};
      },
      redact: { paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

function isStack(value: string): boolean {
  return /\n\s+at /.test(value);
}

/** Nest's LoggerService on top of pino, so Nest's own lines and `new Logger(X.name)` lines are JSON too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: PinoLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  setLogLevels(levels: NestLogLevel[]): void {
    void levels;
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]): void {
    // Nest passes the context (class name) last and, for errors, the stack before it.
    const rest = [...params];
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof rest[0] === 'string' && isStack(rest[0])) {
      fields['stack'] = rest.shift();
    }
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const { message: text, ...structured } = message as Record<string, unknown>;
      this.root[level]({ ...fields, ...structured }, typeof text === 'string' ? text : undefined);
    } else {
      this.root[level](fields, String(message));
    }
  }
}
