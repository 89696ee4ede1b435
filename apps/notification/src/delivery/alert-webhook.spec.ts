import { breakdownAlert } from './alert-fixtures.spec-helper';
import { renderAlertWebhook, type AlertWebhookBody, type AlertWebhookInput } from './alert-webhook';
import { wordNotice } from './alert-wording';

const createdAt = new Date('2026-03-29T01:10:00.000Z');
const input: AlertWebhookInput = {
  deliveryId: '11111111-2222-4333-8444-555555555555',
  event: 'opened',
  ruleName: 'Breakdown',
  alert: breakdownAlert(),
  createdAt,
};
const wording = wordNotice(input, { dashboardUrl: 'https://shop.example.com', timezone: 'Europe/Berlin' }, createdAt);

describe(renderAlertWebhook.name, () => {
  it('json: the alert as the API shows it, the event and the delivery id', () => {
    const body = JSON.parse(renderAlertWebhook('json', input, wording)) as AlertWebhookBody;
    expect(body).toEqual({
      delivery_id: input.deliveryId,
      event: 'alert.opened',
      rule: 'Breakdown',
      summary: '[critical] M-001 down for 12 min',
      link: 'https://shop.example.com/alerts/6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f',
      alert: input.alert,
      created_at: '2026-03-29T01:10:00.000Z',
    });
  });

  it('slack: fallback text and blocks with the facts and a button to the dashboard', () => {
    const body = JSON.parse(renderAlertWebhook('slack', { ...input, alert: breakdownAlert({ message: 'a <b> & c' }) }, wording)) as {
      text: string;
      blocks: {
        type: string;
        text?: { type: string; text: string };
        fields?: { type: string; text: string }[];
        elements?: { type: string; url?: string; text: unknown }[];
      }[];
    };
    expect(body.text).toBe('[critical] M-001 down for 12 min');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'context']);
    expect(body.blocks[0].text).toEqual({ type: 'plain_text', text: '[critical] M-001 down for 12 min', emoji: false });
    const fields = body.blocks[2].fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields).toContainEqual({ type: 'mrkdwn', text: '*Since*\n2026-03-29 01:58 CET' });
    expect(body.blocks[3].elements?.[0]).toMatchObject({ type: 'button', url: 'https://shop.example.com/alerts/6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f' });
  });

  it('slack: escapes mrkdwn control characters', () => {
    const alert = breakdownAlert({ machine_id: 'M<1>&' });
    const body = JSON.parse(
      renderAlertWebhook('slack', { ...input, alert }, wordNotice({ ...input, alert }, { dashboardUrl: 'https://x', timezone: 'UTC' }, createdAt)),
    ) as { text: string };
    expect(body.text).toBe('[critical] M&lt;1&gt;&amp; down for 12 min');
  });

  it('teams: a message with one Adaptive Card, its facts and an action to the dashboard', () => {
    const body = JSON.parse(renderAlertWebhook('teams', input, wording)) as {
      type: string;
      attachments: {
        contentType: string;
        content: {
          type: string;
          version: string;
          body: { type: string; text?: string; color?: string; facts?: { title: string; value: string }[] }[];
          actions: { type: string; url: string }[];
        };
      }[];
    };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const card = body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.content.body[0]).toMatchObject({ type: 'TextBlock', text: '[critical] M-001 down for 12 min', color: 'Attention' });
    expect(card.content.body.find((b) => b.type === 'FactSet')?.facts).toContainEqual({ title: 'Since', value: '2026-03-29 01:58 CET' });
    expect(card.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in the dashboard', url: 'https://shop.example.com/alerts/6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f' },
    ]);
  });
});
