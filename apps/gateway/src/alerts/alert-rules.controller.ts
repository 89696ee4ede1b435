import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, RuleBody, SUBJECTS, type RuleView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { RequireRole } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/parse-id.pipe';

const ruleId = new ParseIdPipe(ErrorCode.RuleNotFound, 'No rule with that id');

/** Rules hold recipients and webhook URLs (which may carry tokens): admins only, reading included. */
@ApiTags('alerts')
@RequireRole('admin')
@Controller('api/v1/alerts/rules')
export class AlertRulesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Every alert rule, the defaults of a new installation included' })
  async list(): Promise<{ items: RuleView[] }> {
    return this.rpc.request<{ items: RuleView[] }>(SUBJECTS.notification.rulesList, {});
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Create a rule: condition and its params, scope, severity, cooldown, quiet hours in a time zone, escalation, channels (e-mail, webhook json|slack|teams, websocket)',
  })
  async create(@Body() body: RuleBody): Promise<RuleView> {
    return this.rpc.request<RuleView>(SUBJECTS.notification.ruleCreate, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert rule' })
  async get(@Param('id', ruleId) id: string): Promise<RuleView> {
    return this.rpc.request<RuleView>(SUBJECTS.notification.ruleGet, { id });
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a rule; its open alerts keep their episode and follow the new settings from now on' })
  async update(@Param('id', ruleId) id: string, @Body() body: RuleBody): Promise<RuleView> {
    return this.rpc.request<RuleView>(SUBJECTS.notification.ruleUpdate, { ...body, id });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule; its alerts stay, without their rule' })
  async delete(@Param('id', ruleId) id: string): Promise<void> {
    await this.rpc.request<{ deleted: true }>(SUBJECTS.notification.ruleDelete, { id });
  }
}
