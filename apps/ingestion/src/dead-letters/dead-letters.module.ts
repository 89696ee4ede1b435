import { Module } from '@nestjs/common';
import { DeadLetterReplayer } from './dead-letter-replayer';
import { DeadLetterMetrics } from './dead-letter.metrics';
import { DeadLetterStore } from './dead-letter.store';
import { DeadLettersHandler } from './dead-letters.handler';

/** Lists and replays DEAD_LETTERS; exports DeadLetterStore for the SHOPFLOOR dead-letter summary. */
@Module({
  controllers: [DeadLettersHandler],
  providers: [DeadLetterStore, DeadLetterReplayer, DeadLetterMetrics],
  exports: [DeadLetterStore],
})
export class DeadLettersModule {}
