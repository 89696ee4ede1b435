import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { Omittable } from './omittable';

/** Most dead letters one replay request may name. */
export const MAX_REPLAY_IDS = 1000;

/** A durable consumer name as it appears in `dlq.<stream>.<consumer>`: one subject token, no wildcards. */
const CONSUMER_NAME = /^[A-Za-z0-9_-]+$/;

/** A DEAD_LETTERS stream sequence: a positive decimal integer that a JavaScript number holds exactly. */
export const DEAD_LETTER_ID = /^[1-9]\d{0,14}$/;

/** `GET /api/v1/data/dead-letters?limit&cursor&consumer` and `ingestion.dead-letters.list`. */
export class ListDeadLettersRequest {
  /** Default 50. */
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Opaque cursor from the previous page's `next_cursor`. */
  @Omittable()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** Only the dead letters of this durable consumer (e.g. `analytics-shopfloor`). */
  @Omittable()
  @IsString()
  @MaxLength(100)
  @Matches(CONSUMER_NAME, { message: 'consumer must be a durable consumer name (letters, digits, - and _)' })
  consumer?: string;
}

/** One message a consumer gave up on, as it lies in the DEAD_LETTERS stream. */
export interface DeadLetterView {
  /** The DEAD_LETTERS stream sequence, as a decimal string. */
  id: string;
  /** Stream the message came from (e.g. SHOPFLOOR). */
  stream: string;
  /** Durable consumer that gave up on it. */
  consumer: string;
  /** Subject the message was originally published on; replay publishes it there again. */
  subject: string;
  reason: string;
  deliveries: number;
  dead_lettered_at: string;
  /** The batch's sync_id, when the payload is a JSON object carrying one. */
  sync_id: string | null;
  /** How many records (or keys, for a deletion) the batch held, when it is a SHOPFLOOR batch. */
  records: number | null;
  size_bytes: number;
}

export interface DeadLetterPage {
  items: DeadLetterView[];
  next_cursor: string | null;
}

function selections(request: ReplayDeadLettersRequest): number {
  return [request.ids !== undefined, request.consumer !== undefined, request.all === true].filter(Boolean).length;
}

/**
 * Exactly one way of choosing what to replay. class-validator has no class-level constraint, so this sits on `all`
 * (never skipped as optional) and checks its type there too.
 */
@ValidatorConstraint({ name: 'replaySelection' })
class ReplaySelection implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return (value === undefined || typeof value === 'boolean') && selections(args.object) === 1;
  }

  defaultMessage(args: ValidationArguments): string {
    if (args.value !== undefined && typeof args.value !== 'boolean') return 'all must be true or false';
    return 'give exactly one of ids, consumer, or all: true';
  }
}

/** `POST /api/v1/data/dead-letters/replay` body and `ingestion.dead-letters.replay` request. */
export class ReplayDeadLettersRequest {
  /** Dead letters to replay, by id (DEAD_LETTERS sequence). */
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPLAY_IDS)
  @IsString({ each: true })
  @Matches(DEAD_LETTER_ID, { each: true, message: 'each id must be a positive decimal integer' })
  ids?: string[];

  /** Every dead letter of this durable consumer (oldest first, a bounded number per request). */
  @Omittable()
  @IsString()
  @MaxLength(100)
  @Matches(CONSUMER_NAME, { message: 'consumer must be a durable consumer name (letters, digits, - and _)' })
  consumer?: string;

  /** Every dead letter (oldest first, a bounded number per request). */
  @Validate(ReplaySelection)
  all?: boolean;
}

export interface ReplayDeadLettersReply {
  /** How many dead letters were published again and removed from DEAD_LETTERS. */
  replayed: number;
  /** Their ids. */
  ids: string[];
  /** Requested ids that are not (or no longer) in DEAD_LETTERS, or whose original subject no stream captures. */
  not_found: string[];
}

/** Dead-lettered SHOPFLOOR batches per durable consumer, and the records (or deletion keys) they hold. */
export type DeadLetterSummary = Record<
  string,
  { batches: number; records: number; /** The same per sync run (by the batches' sync_id). */ by_sync?: Record<string, { batches: number; records: number }> }
>;
