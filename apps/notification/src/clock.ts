import { Injectable } from '@nestjs/common';

/** The time, as the service sees it: injected, so tests can hold it still or move it across a clock change. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
