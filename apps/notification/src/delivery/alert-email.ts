import type { NoticeWording } from './alert-wording';
import { escapeHtml } from './html-escape';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SEVERITY_COLOURS: Record<string, string> = { critical: '#b42318', warning: '#b54708', info: '#175cd3', resolved: '#067647' };

/** The alert e-mail: the same facts as plain text and as HTML, every time in the shop's zone, with the dashboard link. */
export function renderAlertEmail(wording: NoticeWording, severity: string, resolved: boolean): RenderedEmail {
  const rows = [...wording.facts, ...wording.values.map((v) => ({ label: v.label, value: v.value }))];
  const width = Math.max(...rows.map((row) => row.label.length)) + 2;
  const text = [
    wording.headline,
    '',
    wording.eventLine,
    '',
    ...wording.facts.map((f) => `${`${f.label}:`.padEnd(width)}${f.value}`),
    ...(wording.values.length > 0 ? ['', 'Values:', ...wording.values.map((v) => `  ${`${v.label}:`.padEnd(width)}${v.value}`)] : []),
    '',
    `Open in the dashboard: ${wording.link}`,
    '',
    `Times are in ${wording.timezone}.`,
    '',
  ].join('\n');

  const colour = SEVERITY_COLOURS[resolved ? 'resolved' : severity] ?? '#344054';
  const row = (label: string, value: string): string =>
    `<tr><th align="left" style="padding:4px 16px 4px 0;color:#475467;font-weight:normal;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`;
  const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(wording.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#101828">
<div style="border-left:6px solid ${colour};padding:8px 16px;margin-bottom:16px">
<h2 style="margin:0 0 8px 0;font-size:18px">${escapeHtml(wording.headline)}</h2>
<p style="margin:0">${escapeHtml(wording.eventLine)}</p>
</div>
<table cellspacing="0" cellpadding="0">
${wording.facts.map((f) => row(f.label, f.value)).join('\n')}
</table>
${
  wording.values.length > 0
    ? `<h3 style="font-size:15px;margin:16px 0 4px 0">Values</h3>\n<table cellspacing="0" cellpadding="0">\n${wording.values.map((v) => row(v.label, v.value)).join('\n')}\n</table>`
    : ''
}
<p style="margin:20px 0"><a href="${escapeHtml(wording.link)}" style="background:${colour};color:#ffffff;padding:8px 14px;text-decoration:none;border-radius:4px">Open in the dashboard</a></p>
<p style="color:#667085;font-size:12px">Times are in ${escapeHtml(wording.timezone)}.</p>
</body></html>
`;
  return { subject: wording.subject, text, html };
}
