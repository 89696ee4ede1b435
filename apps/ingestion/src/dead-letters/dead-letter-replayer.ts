import { Injectable, Logger } from '@nestjs/common';
import {
  DEAD_LETTER_ID,
  DomainError,
  ErrorCode,
  HEADERS,
  MAX_REPLAY_IDS,
  STREAMS,
  type ReplayDeadLettersReply,
  type ReplayDeadLettersRequest,
} from '@shopfloor/contracts';
import { JetStreamService } from '@shopfloor/nats';
import { headers as natsHeaders, type JetStreamManager, type StoredMsg } from 'nats';
import { consumerSubject, DeadLetterStore, header } from './dead-letter.store';

/**
 * Work one request by consumer or `all` does at most: the caller (the gateway, whose RPC times out after a few
 * seconds) asks again for the next ones. Explicit ids are all answered, being at most MAX_REPLAY_IDS.
 */
const REPLAY_BUDGET_MS = 2000;

/** Headers of the original message that a replay carries on, so its handling joins the original's logs and trace. */
const CARRIED_HEADERS = [HEADERS.requestId, HEADERS.traceparent, HEADERS.tracestate];

/** A subject a message can be published on: no wildcard, no whitespace. */
const LITERAL_SUBJECT = /^[^\s*>]+$/;

/**
 * Puts dead letters back on their original subject. Each is published through JetStream with the id
 * `replay:<stream>:<dead-letter sequence>` — a replay repeated within the stream's duplicate window is stored once —
 * and only removed from DEAD_LETTERS once the publish is acknowledged, so a failure at any point loses nothing and
 * asking again finishes the job. A dead letter whose subject no stream captures (any more) stays where it is.
 * The replayed message goes to the end of its stream, to every consumer of it (their handlers are idempotent).
 */
@Injectable()
export class DeadLetterReplayer {
  private readonly logger = new Logger(DeadLetterReplayer.name);

  constructor(
    private readonly store: DeadLetterStore,
    private readonly jetStream: JetStreamService,
  ) {}

  async replay(request: ReplayDeadLettersRequest): Promise<ReplayDeadLettersReply> {
    const replayed: string[] = [];
    const notFound: string[] = [];
    const streams = new CapturingStreams(await this.jetStream.jsm());
    if (request.ids !== undefined) {
      // Oldest first, like the stream: an upsert is replayed before the deletion that followed it.
      for (const sequence of parseIds(request.ids)) {
        const msg = await this.store.get(sequence);
        (msg && (await this.replayOne(msg, streams)) ? replayed : notFound).push(String(sequence));
      }
    } else {
      const subject = consumerSubject(request.consumer);
      const deadline = Date.now() + REPLAY_BUDGET_MS;
      let from = 1;
      for (let taken = 0; taken < MAX_REPLAY_IDS && Date.now() < deadline; taken += 1) {
        const msg = await this.store.next(from, subject);
        if (!msg) break;
        from = msg.seq + 1;
        ((await this.replayOne(msg, streams)) ? replayed : notFound).push(String(msg.seq));
      }
    }
    this.logger.log({
      message: `Replayed ${replayed.length} dead letters`,
      ids: replayed,
      not_replayed: notFound,
      consumer: request.consumer,
      all: request.all === true,
    });
    return { replayed: replayed.length, ids: replayed, not_found: notFound };
  }

  /** True when the dead letter was published again (now or by an earlier attempt) and is gone from DEAD_LETTERS. */
  private async replayOne(msg: StoredMsg, streams: CapturingStreams): Promise<boolean> {
    const subject = header(msg, HEADERS.deadLetterOriginalSubject);
    if (!subject || !LITERAL_SUBJECT.test(subject)) return false;
    const target = await streams.of(subject);
    if (target === null || target === STREAMS.deadLetters.name) return false;
    const h = natsHeaders();
    for (const name of CARRIED_HEADERS) {
      const value = header(msg, name);
      if (value) h.set(name, value);
    }
    const origin = header(msg, HEADERS.deadLetterStream) ?? target;
    const ack = await this.jetStream.client.publish(subject, msg.data, { msgID: `replay:${origin}:${msg.seq}`, headers: h, expect: { streamName: target } });
    const removed = await this.store.remove(msg.seq);
    // Removed by someone else meanwhile and our publish was the duplicate: that replay was theirs, not ours.
    return removed || !ack.duplicate;
  }
}

/** Which stream captures a subject, asked once per subject per request. */
class CapturingStreams {
  private readonly known = new Map<string, Promise<string | null>>();

  constructor(private readonly jsm: JetStreamManager) {}

  of(subject: string): Promise<string | null> {
    let found = this.known.get(subject);
    if (!found) {
      found = this.jsm.streams.find(subject).catch((error: unknown) => {
        // nats.js says so with a plain Error when no stream (or more than one) matches.
        if (error instanceof Error && /no stream matches subject/i.test(error.message)) return null;
        throw error;
      });
      this.known.set(subject, found);
    }
    return found;
  }
}

/** The requested ids as sequence numbers, each once, ascending; VALIDATION_FAILED for any that is not one. */
export function parseIds(ids: readonly string[]): number[] {
  const invalid = ids.filter((id) => !DEAD_LETTER_ID.test(id));
  if (invalid.length > 0) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'Invalid request: ids',
      null,
      invalid.map((id) => ({ field: 'ids', message: 'each id must be a positive decimal integer', invalid_value: id })),
    );
  }
  return [...new Set(ids.map(Number))].sort((a, b) => a - b);
}
