import { Injectable, Logger } from '@nestjs/common';
import { CONSUMERS, HEADERS, STREAMS, SUBJECTS, type DeadLetterSummary, type DeadLetterView } from '@shopfloor/contracts';
import { isNotFound, JetStreamService } from '@shopfloor/nats';
import { NatsError, type SeqMsgRequest, type StoredMsg } from 'nats';
import { readThrough } from './read-through';

/** Dead letters read per summary at most: beyond this the counts are a lower bound (and a warning is logged). */
export const SUMMARY_READ_CAP = 100_000;

/** How old a summary may be before it is read again (a /metrics scrape every few seconds reads the stream at most this often). */
export const SUMMARY_MAX_AGE_MS = 15_000;

const SUMMARY_FETCH_SIZE = 1000;
const SUMMARY_FETCH_EXPIRES_MS = 2000;

/** JetStream API error codes for "no message at that sequence": on get (10037), and on delete (10043, or 10057 below the first sequence). */
const NO_MESSAGE_FOUND = new Set([10037, 10043, 10057]);

/**
 * STREAM.MSG.GET asking for the first message at or after `seq` on a subject (NATS server 2.9+). nats.js types the
 * `next_by_subj` form only for direct get, which the stream would have to allow; the API request accepts it as is.
 */
type NextBySubjectRequest = SeqMsgRequest & { next_by_subj: string };

export interface DeadLetterPageResult {
  items: DeadLetterView[];
  /** The sequence the next page starts at; null when this page reached the end. */
  nextSequence: number | null;
}

/** What a dead letter's payload says about itself, when it is a SHOPFLOOR batch (`{ sync_id, records }` or `{ sync_id, keys }`). */
interface BatchFacts {
  syncId: string | null;
  /** records.length or keys.length; null when the payload is not JSON or holds neither. */
  records: number | null;
}

/**
 * The DEAD_LETTERS stream, read like a table keyed by stream sequence. Reads go through the JetStream API (message
 * get by sequence, next by subject) or a throwaway ordered consumer, so no durable consumer is involved and nothing
 * is acknowledged or redelivered by reading.
 */
@Injectable()
export class DeadLetterStore {
  private readonly logger = new Logger(DeadLetterStore.name);
  private cachedSummary?: { readAt: number; value: Promise<DeadLetterSummary> };

  constructor(private readonly jetStream: JetStreamService) {}

  /** Dead letters from `fromSequence` on, oldest first, optionally only those of one durable consumer. */
  async page(fromSequence: number, limit: number, consumer?: string): Promise<DeadLetterPageResult> {
    const subject = consumerSubject(consumer);
    const items: DeadLetterView[] = [];
    let sequence = fromSequence;
    while (items.length < limit) {
      const msg = await this.next(sequence, subject);
      if (!msg) return { items, nextSequence: null };
      items.push(toView(msg));
      sequence = msg.seq + 1;
    }
    return { items, nextSequence: sequence };
  }

  /** The first dead letter at or after `sequence` on `subject` (a `dlq.` subject, wildcards allowed); null if none. */
  async next(sequence: number, subject: string = SUBJECTS.deadLetter.all): Promise<StoredMsg | null> {
    const request: NextBySubjectRequest = { seq: sequence, next_by_subj: subject };
    return this.getMessage(request);
  }

  /** The dead letter stored at exactly this sequence; null if there is none (never was, deleted, or aged out). */
  async get(sequence: number): Promise<StoredMsg | null> {
    return this.getMessage({ seq: sequence });
  }

  /** Deletes one dead letter; false if it was already gone. */
  async remove(sequence: number): Promise<boolean> {
    const jsm = await this.jetStream.jsm();
    try {
      // No secure erase: the payload is a copy of a message that lives on in its own stream or was just replayed.
      return await jsm.streams.deleteMessage(STREAMS.deadLetters.name, sequence, false);
    } catch (error) {
      if (isNoMessage(error)) return false;
      throw error;
    } finally {
      this.cachedSummary = undefined;
    }
  }

  /**
   * Dead-lettered SHOPFLOOR batches per durable consumer and the records (or deletion keys) they hold, every
   * SHOPFLOOR consumer listed (with zeros when it has none). The answer is at most `maxAgeMs` old (by default
   * {@link SUMMARY_MAX_AGE_MS}; concurrent callers share one read), and fresh after a dead letter was removed here.
   */
  async summary(maxAgeMs: number = SUMMARY_MAX_AGE_MS): Promise<DeadLetterSummary> {
    const now = Date.now();
    if (this.cachedSummary && now - this.cachedSummary.readAt < maxAgeMs) return this.cachedSummary.value;
    const read = this.readSummary();
    const entry = { readAt: now, value: read };
    this.cachedSummary = entry;
    read.catch(() => {
      if (this.cachedSummary === entry) this.cachedSummary = undefined;
    });
    return read;
  }

  private async readSummary(): Promise<DeadLetterSummary> {
    const summary: DeadLetterSummary = {};
    for (const def of Object.values(CONSUMERS)) {
      if (def.stream.name === STREAMS.shopfloor.name) summary[def.durableName] = { batches: 0, records: 0 };
    }
    const filter = SUBJECTS.deadLetter.of(STREAMS.shopfloor.name, '*');
    const jsm = await this.jetStream.jsm();
    const info = await jsm.streams.info(STREAMS.deadLetters.name, { subjects_filter: filter }).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    // Per-subject counts first: with no SHOPFLOOR dead letters there is nothing to read (and no fetch to wait out).
    const stored = Object.values(info?.state.subjects ?? {}).reduce((sum, count) => sum + count, 0);
    if (stored === 0) return summary;

    const reader = await this.jetStream.client.consumers.get(STREAMS.deadLetters.name, { filterSubjects: filter });
    await readThrough(reader, Math.min(stored, SUMMARY_READ_CAP), SUMMARY_FETCH_SIZE, SUMMARY_FETCH_EXPIRES_MS, (msg) => {
      const consumer = msg.subject.split('.')[2] ?? '';
      const counts = (summary[consumer] ??= { batches: 0, records: 0 });
      const facts = batchFacts(msg.data);
      counts.batches += 1;
      counts.records += facts.records ?? 0;
      if (facts.syncId !== null) {
        const ofRun = ((counts.by_sync ??= {})[facts.syncId] ??= { batches: 0, records: 0 });
        ofRun.batches += 1;
        ofRun.records += facts.records ?? 0;
      }
    });
    if (stored > SUMMARY_READ_CAP) {
      this.logger.warn({ message: `Summary of SHOPFLOOR dead letters stopped after ${SUMMARY_READ_CAP} messages; counts are a lower bound`, stored });
    }
    return summary;
  }

  private async getMessage(request: SeqMsgRequest): Promise<StoredMsg | null> {
    const jsm = await this.jetStream.jsm();
    try {
      return await jsm.streams.getMessage(STREAMS.deadLetters.name, request);
    } catch (error) {
      // No such message, or no DEAD_LETTERS stream yet (nothing was ever dead-lettered here): either way, none.
      if (isNoMessage(error) || isNotFound(error)) return null;
      throw error;
    }
  }
}

/** The subject that selects the dead letters of one durable consumer, of any stream; every dead letter without one. */
export function consumerSubject(consumer: string | undefined): string {
  return consumer === undefined ? SUBJECTS.deadLetter.all : SUBJECTS.deadLetter.of('*', consumer);
}

/** The public view of a stored dead letter. */
export function toView(msg: StoredMsg): DeadLetterView {
  const [, streamToken = '', consumerToken = ''] = msg.subject.split('.');
  const stream = header(msg, HEADERS.deadLetterStream) ?? streamToken;
  const facts = batchFacts(msg.data);
  return {
    id: String(msg.seq),
    stream,
    consumer: header(msg, HEADERS.deadLetterConsumer) ?? consumerToken,
    subject: header(msg, HEADERS.deadLetterOriginalSubject) ?? '',
    reason: header(msg, HEADERS.deadLetterReason) ?? '',
    deliveries: Number(header(msg, HEADERS.deadLetterDeliveries) ?? 0) || 0,
    dead_lettered_at: msg.time.toISOString(),
    sync_id: facts.syncId,
    records: stream === STREAMS.shopfloor.name ? facts.records : null,
    size_bytes: msg.data.length,
  };
}

/** A header of a stored message; undefined when absent or empty. */
export function header(msg: StoredMsg, name: string): string | undefined {
  return msg.header?.get(name) || undefined;
}

function batchFacts(data: Uint8Array): BatchFacts {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
  } catch {
    return { syncId: null, records: null };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return { syncId: null, records: null };
  const { sync_id: syncId, records, keys } = payload as { sync_id?: unknown; records?: unknown; keys?: unknown };
  return {
    syncId: typeof syncId === 'string' ? syncId : null,
    records: Array.isArray(records) ? records.length : Array.isArray(keys) ? keys.length : null,
  };
}

function isNoMessage(error: unknown): boolean {
  return error instanceof NatsError && error.api_error !== undefined && NO_MESSAGE_FOUND.has(error.api_error.err_code ?? 0);
}
