import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DEAD_LETTER_ID,
  DomainError,
  ErrorCode,
  ListDeadLettersRequest,
  ReplayDeadLettersRequest,
  SUBJECTS,
  validatePayload,
  type DeadLetterPage,
  type ReplayDeadLettersReply,
} from '@shopfloor/contracts';
import { DeadLetterReplayer } from './dead-letter-replayer';
import { DeadLetterStore } from './dead-letter.store';

const DEFAULT_LIMIT = 50;

@Controller()
export class DeadLettersHandler {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly replayer: DeadLetterReplayer,
  ) {}

  /** Messages consumers gave up on, oldest first, paged by an opaque cursor. */
  @MessagePattern(SUBJECTS.ingestion.deadLettersList)
  async list(@Payload() payload: unknown): Promise<DeadLetterPage> {
    const request = validatePayload(ListDeadLettersRequest, payload);
    const from = request.cursor ? decodeCursor(request.cursor) : 1;
    const page = await this.store.page(from, request.limit ?? DEFAULT_LIMIT, request.consumer);
    return { items: page.items, next_cursor: page.nextSequence === null ? null : encodeCursor(page.nextSequence) };
  }

  /** Publishes the chosen dead letters to their original subjects again and removes them from DEAD_LETTERS. */
  @MessagePattern(SUBJECTS.ingestion.deadLettersReplay)
  async replay(@Payload() payload: unknown): Promise<ReplayDeadLettersReply> {
    return this.replayer.replay(validatePayload(ReplayDeadLettersRequest, payload));
  }
}

function encodeCursor(sequence: number): string {
  return Buffer.from(String(sequence), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const sequence = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!DEAD_LETTER_ID.test(sequence)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not a cursor this API returned', null, [
      { field: 'cursor', message: 'must be a next_cursor from a previous page', invalid_value: cursor },
    ]);
  }
  return Number(sequence);
}
