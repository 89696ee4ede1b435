import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError, type ErrorCode } from '@shopfloor/contracts';

/**
 * The UUID id of a resource in the path. An id that is no UUID names no resource, so it is answered as an unknown
 * id is, with the resource's not-found code, before anything is asked of the service that keeps it.
 */
export class ParseIdPipe extends ParseUUIDPipe {
  constructor(notFound: ErrorCode, message: string) {
    super({ exceptionFactory: () => new DomainError(notFound, message) });
  }
}
