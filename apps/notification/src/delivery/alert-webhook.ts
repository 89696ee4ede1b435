import type { AlertView, WebhookFormat } from '@shopfloor/contracts';
import type { AlertNoticeEvent } from './alert-notifier';
import type { NoticeWording } from './alert-wording';

/** The `json` format's body: the alert as the API shows it, and why it is sent. */
export interface AlertWebhookBody {
  delivery_id: string;
  /** `alert.opened`, `alert.escalated` or `alert.resolved`. */
  event: `alert.${AlertNoticeEvent}`;
  rule: string;
  summary: string;
  link: string;
  alert: AlertView;
  created_at: string;
}

export interface AlertWebhookInput {
  deliveryId: string;
  event: AlertNoticeEvent;
  ruleName: string;
  alert: AlertView;
  createdAt: Date;
}

const SLACK_FIELDS = 10;
const SLACK_TEXT = 2000;
const TEAMS_COLOURS: Record<string, string> = { critical: 'Attention', warning: 'Warning', info: 'Accent', resolved: 'Good' };

/** The body POSTed for a notice, exactly as signed and sent on every attempt. */
export function renderAlertWebhook(format: WebhookFormat, input: AlertWebhookInput, wording: NoticeWording): string {
  switch (format) {
    case 'json':
      return JSON.stringify(jsonBody(input, wording));
    case 'slack':
      return JSON.stringify(slackBody(input, wording));
    case 'teams':
      return JSON.stringify(teamsBody(input, wording));
  }
}

function jsonBody(input: AlertWebhookInput, wording: NoticeWording): AlertWebhookBody {
  return {
    delivery_id: input.deliveryId,
    event: `alert.${input.event}`,
    rule: input.ruleName,
    summary: wording.subject,
    link: wording.link,
    alert: input.alert,
    created_at: input.createdAt.toISOString(),
  };
}

/** Slack's mrkdwn treats &, < and > as markup (https://api.slack.com/reference/surfaces/formatting#escaping). */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An incoming-webhook message: `text` for notifications and old clients, blocks for the layout. */
function slackBody(input: AlertWebhookInput, wording: NoticeWording): Record<string, unknown> {
  const fields = [...wording.facts, ...wording.values].slice(0, SLACK_FIELDS).map((f) => ({
    type: 'mrkdwn',
    text: `*${slackEscape(f.label)}*\n${slackEscape(f.value)}`.slice(0, SLACK_TEXT),
  }));
  return {
    text: slackEscape(wording.subject),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: wording.subject.slice(0, 150), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: slackEscape(wording.eventLine).slice(0, 3000) } },
      { type: 'section', fields },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in the dashboard' }, url: wording.link }] },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: slackEscape(`Rule “${input.ruleName}” · times in ${wording.timezone} · delivery ${input.deliveryId}`) }],
      },
    ],
  };
}

/** A Teams workflow ("When a Teams webhook request is received") message carrying one Adaptive Card. */
function teamsBody(input: AlertWebhookInput, wording: NoticeWording): Record<string, unknown> {
  const colour = TEAMS_COLOURS[input.event === 'resolved' ? 'resolved' : input.alert.severity] ?? 'Default';
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body: [
            { type: 'TextBlock', text: wording.subject, weight: 'Bolder', size: 'Medium', color: colour, wrap: true },
            { type: 'TextBlock', text: wording.eventLine, wrap: true },
            { type: 'FactSet', facts: [...wording.facts, ...wording.values].map((f) => ({ title: f.label, value: f.value })) },
            { type: 'TextBlock', text: `Times in ${wording.timezone} · delivery ${input.deliveryId}`, isSubtle: true, size: 'Small', wrap: true },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in the dashboard', url: wording.link }],
        },
      },
    ],
  };
}
