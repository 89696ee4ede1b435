import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { SUBJECTS, type IntegrityReport } from '@shopfloor/contracts';
import { IntegrityService } from './integrity.service';

@Controller()
export class IntegrityHandler {
  constructor(private readonly integrity: IntegrityService) {}

  /** The request carries nothing: the report always covers the whole read model. */
  @MessagePattern(SUBJECTS.analytics.integrityGet)
  async get(): Promise<IntegrityReport> {
    return this.integrity.report();
  }
}
