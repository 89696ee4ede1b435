import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import pg from 'pg';

const tracer = trace.getTracer('shopfloor-postgres');
/** Statements are recorded as written (with $n placeholders: parameter values never reach a span), up to this length. */
const MAX_STATEMENT_LENGTH = 1000;
const TRACED = Symbol.for('shopfloor.postgres-traced');

type Query = (...args: unknown[]) => unknown;

/**
 * One client span per PostgreSQL query (`db.system` postgresql, the statement, the database), child of the span
 * in whose context the query was sent — so a request's trace reaches the database. It wraps `pg.Client#query`,
 * which TypeORM's pool and every other caller go through (docs/decisions/postgres-tracing.md says why by hand).
 */
export function tracePostgresQueries(): void {
  const proto = pg.Client.prototype as unknown as { query: Query; [TRACED]?: boolean };
  if (proto[TRACED]) return;
  const original = proto.query;
  proto.query = function tracedQuery(this: pg.Client, ...args: unknown[]): unknown {
    const first = args[0] as string | { text?: unknown } | undefined;
    const text = typeof first === 'string' ? first : typeof first?.text === 'string' ? first.text : '';
    const span = tracer.startSpan(`pg ${operationOf(text)}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system': 'postgresql', 'db.name': this.database ?? '', 'db.statement': text.slice(0, MAX_STATEMENT_LENGTH) },
    });
    const callbackAt = args.length - 1;
    const callback = args[callbackAt];
    if (typeof callback === 'function') {
      // Callback form (TypeORM's driver): the span ends when the callback is called.
      args[callbackAt] = function (this: unknown, error: unknown, ...rest: unknown[]): unknown {
        end(span, error);
        return (callback as (...a: unknown[]) => unknown).call(this, error, ...rest);
      };
      return context.with(trace.setSpan(context.active(), span), () => original.apply(this, args));
    }
    const result = context.with(trace.setSpan(context.active(), span), () => original.apply(this, args));
    if (result instanceof Promise) {
      result.then(
        () => end(span, undefined),
        (error: unknown) => end(span, error),
      );
    } else {
      // A submittable (a cursor or stream): its own events say when it ends; the span marks only its start.
      end(span, undefined);
    }
    return result;
  };
  proto[TRACED] = true;
}

function end(span: Span, error: unknown): void {
  if (error) {
    const failure = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'query failed');
    span.recordException(failure);
    span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
  }
  span.end();
}

/** The statement's first keyword (SELECT, INSERT, ...), which names the span. */
function operationOf(text: string): string {
  return /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'query';
}
