import type { ReportScheduleEntity } from '@shopfloor/notification/data-access';
import { shopTime } from '../delivery/alert-wording';
import { escapeHtml } from '../delivery/html-escape';

export interface ReportEmailInput {
  schedule: Pick<ReportScheduleEntity, 'name' | 'cron' | 'timezone' | 'report'>;
  scheduledFor: Date;
  /** What the file covers, in words: `the daily report of 2026-03-28`. */
  coverage: string;
  fileName: string;
  dashboardUrl: string;
}

/** The e-mail a scheduled report travels in: what is attached, what it covers and which schedule sent it. */
export function renderReportEmail(input: ReportEmailInput): { subject: string; text: string; html: string } {
  const title = input.schedule.report.title ?? input.schedule.name;
  const subject = `${title}: ${input.coverage}`.replace(/[\r\n\t]+/g, ' ').slice(0, 250);
  const when = shopTime(input.scheduledFor, input.schedule.timezone);
  const origin = `Sent by the report schedule “${input.schedule.name}” (cron ${input.schedule.cron}, ${input.schedule.timezone}) for ${when}.`;
  const text = [`Attached: ${input.fileName}, ${input.coverage}.`, '', origin, '', `Dashboard: ${input.dashboardUrl}`, ''].join('\n');
  const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#101828">
<h2 style="font-size:18px;margin:0 0 8px 0">${escapeHtml(title)}</h2>
<p>Attached: <strong>${escapeHtml(input.fileName)}</strong>, ${escapeHtml(input.coverage)}.</p>
<p style="color:#475467">${escapeHtml(origin)}</p>
<p><a href="${escapeHtml(input.dashboardUrl)}">Open the dashboard</a></p>
</body></html>
`;
  return { subject, text, html };
}
