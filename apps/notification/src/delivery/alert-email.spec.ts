import { breakdownAlert } from './alert-fixtures.spec-helper';
import { renderAlertEmail } from './alert-email';
import { wordNotice, type NoticeSettings } from './alert-wording';

const berlin: NoticeSettings = { dashboardUrl: 'https://shop.example.com/', timezone: 'Europe/Berlin' };
const openedAt = new Date('2026-03-29T01:10:00.000Z');

describe(renderAlertEmail.name, () => {
  it('names the machine, the condition, the values and since when, in the shop’s zone across the clock change', () => {
    const wording = wordNotice({ alert: breakdownAlert(), event: 'opened', ruleName: 'Breakdown' }, berlin, openedAt);
    const mail = renderAlertEmail(wording, 'critical', false);

    // 01:58 CET to 03:10 CEST is twelve minutes, not an hour and twelve.
    expect(mail.subject).toBe('[critical] M-001 down for 12 min');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('M-001');
      expect(body).toContain('machine down (rule “Breakdown”)');
      expect(body).toContain('2026-03-29 01:58 CET');
      expect(body).toContain('2026-03-29 03:10 CEST');
      expect(body).toContain('SPINDLE');
      expect(body).toContain('https://shop.example.com/alerts/6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f');
      expect(body).toContain('Europe/Berlin');
      expect(body).not.toContain('T00:58:00');
    }
    expect(mail.text).toMatch(/^Since: +2026-03-29 01:58 CET$/m);
    expect(mail.text).toMatch(/^ {2}reason code: +SPINDLE$/m);
    expect(mail.html).toContain('<a href="https://shop.example.com/alerts/6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f"');
  });

  it('words an escalation as one and a resolution as the end of the episode', () => {
    const escalated = wordNotice(
      { alert: breakdownAlert({ escalated_at: '2026-03-29T01:40:00.000Z' }), event: 'escalated', ruleName: 'Breakdown' },
      berlin,
      new Date('2026-03-29T01:40:00.000Z'),
    );
    expect(escalated.subject).toBe('[critical] Escalated: M-001 down for 42 min, not acknowledged');
    expect(renderAlertEmail(escalated, 'critical', false).text).toContain(
      'nobody has acknowledged this alert since it opened at 2026-03-29 03:10 CEST (30 min ago)',
    );

    const resolved = wordNotice(
      {
        alert: breakdownAlert({
          state: 'resolved',
          resolved_at: '2026-03-29T01:53:00.000Z',
          acknowledged_at: '2026-03-29T01:20:00.000Z',
          acknowledged_by: 'maintenance-lead',
        }),
        event: 'resolved',
        ruleName: 'Breakdown',
      },
      berlin,
      new Date('2026-03-29T01:53:00.000Z'),
    );
    const mail = renderAlertEmail(resolved, 'critical', true);
    expect(mail.subject).toBe('[resolved] M-001 running again after 55 min down');
    expect(mail.text).toContain('Resolved at 2026-03-29 03:53 CEST, the condition has cleared, 55 min after it began.');
    expect(mail.text).toMatch(/^Acknowledged: +2026-03-29 03:20 CEST by maintenance-lead$/m);
  });

  it('escapes what comes from outside in the HTML and keeps the subject on one line', () => {
    const alert = breakdownAlert({ machine_id: 'M-<b>1\r\nBcc: x@example.com', message: '<script>alert(1)</script>', values: { note: '"quoted" & <tagged>' } });
    const mail = renderAlertEmail(wordNotice({ alert, event: 'opened', ruleName: 'R&D <line>' }, berlin, openedAt), 'critical', false);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;quoted&quot; &amp; &lt;tagged&gt;');
    expect(mail.html).toContain('R&amp;D &lt;line&gt;');
  });

  it('says a stop that has just begun is less than a minute old', () => {
    const alert = breakdownAlert({ values: { since: '2026-03-29T01:09:30.000Z' } });
    expect(wordNotice({ alert, event: 'opened', ruleName: 'Breakdown' }, berlin, openedAt).subject).toBe('[critical] M-001 down for less than 1 min');
  });

  it('states the measured value of a threshold condition', () => {
    const alert = breakdownAlert({ condition: 'failure_risk_above', severity: 'warning', values: { risk: 0.873, threshold: 0.7 } });
    expect(wordNotice({ alert, event: 'opened', ruleName: 'Risk' }, berlin, openedAt).subject).toBe('[warning] M-001 failure risk 87.3% above 70%');
  });
});
