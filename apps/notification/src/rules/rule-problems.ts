import { WEEKDAYS, type ChannelBody, type FieldError, type RuleBody } from '@shopfloor/contracts';
import { IANAZone } from 'luxon';
import { coversWholeWeek } from './quiet-hours';
import { paramProblems } from './rule-params';

/** The fields each channel type takes besides its type. */
const CHANNEL_FIELDS: Record<ChannelBody['type'], readonly (keyof ChannelBody)[]> = {
  email: ['to'],
  webhook: ['url', 'format'],
  websocket: [],
};

/**
 * What is wrong with a rule that its payload's shape does not show: parameters its condition does not take or out of
 * range, a time zone that does not exist, quiet hours that never end, channel fields of another channel type, an
 * escalation that reaches nobody new. Each as a field error with a dotted path.
 */
export function ruleProblems(body: RuleBody): FieldError[] {
  const problems = paramProblems(body.condition, body.params);
  const quiet = body.quiet_hours;
  if (quiet) {
    if (!IANAZone.isValidZone(quiet.timezone)) {
      problems.push({ field: 'quiet_hours.timezone', message: 'timezone must be an IANA time zone, such as Europe/Berlin', invalid_value: quiet.timezone });
    }
    if (coversWholeWeek({ start: quiet.start, end: quiet.end, days: quiet.days ?? WEEKDAYS })) {
      problems.push({
        field: 'quiet_hours',
        message: 'quiet hours of a whole day on every day would hold back every notification for good',
        invalid_value: null,
      });
    }
  }
  body.channels.forEach((channel, i) => problems.push(...channelProblems(channel, `channels.${i}`)));
  if (body.escalation) {
    body.escalation.channels.forEach((channel, i) => problems.push(...channelProblems(channel, `escalation.channels.${i}`)));
    if (body.escalation.channels.every((channel) => channel.type === 'websocket')) {
      problems.push({
        field: 'escalation.channels',
        message: 'an escalation needs an email or webhook channel: /ws/alerts shows every alert already',
        invalid_value: null,
      });
    }
  }
  return problems;
}

function channelProblems(channel: ChannelBody, path: string): FieldError[] {
  const own = CHANNEL_FIELDS[channel.type];
  return (['to', 'url', 'format'] as const)
    .filter((key) => channel[key] !== undefined && !own.includes(key))
    .map((key) => ({ field: `${path}.${key}`, message: `${key} does not apply to a ${channel.type} channel`, invalid_value: channel[key] ?? null }));
}
