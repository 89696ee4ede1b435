import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type RuleBody, type RuleUpdateRequest, type RuleView } from '@shopfloor/contracts';
import { AlertRepository, AlertRuleRepository, type AlertEntity, type AlertRuleEntity } from '@shopfloor/notification/data-access';
import { AlertLifecycle } from '../alerts/alert-lifecycle';
import { Clock } from '../clock';
import { ruleProblems } from './rule-problems';
import { ruleFields, toRuleView } from './rule-view.mapper';

/**
 * The alert rules people configure. A rule that is deleted, disabled or given another condition lets go of its open
 * alerts in the same transaction (resolved, their channels told), so none is left open with nobody judging it.
 */
@Injectable()
export class RulesService {
  constructor(
    private readonly rules: AlertRuleRepository,
    private readonly alerts: AlertRepository,
    private readonly lifecycle: AlertLifecycle,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<{ items: RuleView[] }> {
    return { items: (await this.rules.list()).map(toRuleView) };
  }

  async get(id: string): Promise<RuleView> {
    const rule = await this.rules.find(id);
    if (!rule) throw notFound(id);
    return toRuleView(rule);
  }

  async create(body: RuleBody): Promise<RuleView> {
    assertValid(body);
    const now = this.clock.now();
    return toRuleView(await this.rules.insert({ id: randomUUID(), ...ruleFields(body, now), isDefault: false, createdAt: now }));
  }

  async update(request: RuleUpdateRequest): Promise<RuleView> {
    const { id, ...body } = request;
    assertValid(body);
    const fields = ruleFields(body, this.clock.now());
    const { rule, resolved } = await this.alerts.transaction(async (manager) => {
      const before = await this.rules.findForUpdate(manager, id);
      if (!before) throw notFound(id);
      const after = (await this.rules.replace(id, fields, manager)) as AlertRuleEntity;
      let closed: AlertEntity[] = [];
      if (!after.enabled) closed = await this.lifecycle.resolveAllOf(manager, after, 'The rule was disabled');
      else if (after.condition !== before.condition) closed = await this.lifecycle.resolveAllOf(manager, after, 'The rule now watches another condition');
      return { rule: after, resolved: closed };
    });
    this.lifecycle.publish(resolved);
    return toRuleView(rule);
  }

  async delete(id: string): Promise<{ deleted: true }> {
    const resolved = await this.alerts.transaction(async (manager) => {
      const rule = await this.rules.findForUpdate(manager, id);
      if (!rule) throw notFound(id);
      const closed = await this.lifecycle.resolveAllOf(manager, rule, 'The rule was deleted');
      await this.rules.delete(id, manager);
      return closed;
    });
    this.lifecycle.publish(resolved);
    return { deleted: true };
  }
}

function assertValid(body: RuleBody): void {
  const problems = ruleProblems(body);
  if (problems.length > 0)
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid rule: ${[...new Set(problems.map((p) => p.field))].join(', ')}`, null, problems);
}

function notFound(id: string): DomainError {
  return new DomainError(ErrorCode.RuleNotFound, `Rule ${id} does not exist`, { id });
}
