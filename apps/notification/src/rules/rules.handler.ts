import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AlertIdRequest, RuleBody, RuleUpdateRequest, SUBJECTS, validatePayload, type RuleView } from '@shopfloor/contracts';
import { RulesService } from './rules.service';

@Controller()
export class RulesHandler {
  constructor(private readonly rules: RulesService) {}

  @MessagePattern(SUBJECTS.notification.rulesList)
  async list(): Promise<{ items: RuleView[] }> {
    return this.rules.list();
  }

  @MessagePattern(SUBJECTS.notification.ruleGet)
  async get(@Payload() payload: unknown): Promise<RuleView> {
    return this.rules.get(validatePayload(AlertIdRequest, payload).id);
  }

  @MessagePattern(SUBJECTS.notification.ruleCreate)
  async create(@Payload() payload: unknown): Promise<RuleView> {
    return this.rules.create(validatePayload(RuleBody, payload));
  }

  @MessagePattern(SUBJECTS.notification.ruleUpdate)
  async update(@Payload() payload: unknown): Promise<RuleView> {
    return this.rules.update(validatePayload(RuleUpdateRequest, payload));
  }

  @MessagePattern(SUBJECTS.notification.ruleDelete)
  async delete(@Payload() payload: unknown): Promise<{ deleted: true }> {
    return this.rules.delete(validatePayload(AlertIdRequest, payload).id);
  }
}
