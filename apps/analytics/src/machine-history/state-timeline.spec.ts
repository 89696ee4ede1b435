import { stateIntervals } from './state-timeline';

const t = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const change = (time: string, state: string, reasonCode: string | null = null, jobId: string | null = null) => ({ time: t(time), state, reasonCode, jobId });

describe(stateIntervals.name, () => {
  it('clips the state in effect at the start to the period and ends the last one at the end', () => {
    expect(
      stateIntervals(
        [change('05:00', 'RUNNING', null, 'J1'), change('06:30', 'DOWN', 'SPINDLE', 'J1'), change('07:00', 'RUNNING', null, 'J1')],
        t('06:00'),
        t('08:00'),
      ),
    ).toEqual([
      { state: 'RUNNING', reason_code: null, job_id: 'J1', start: '2026-03-02T06:00:00.000Z', end: '2026-03-02T06:30:00.000Z', duration: 1800 },
      { state: 'DOWN', reason_code: 'SPINDLE', job_id: 'J1', start: '2026-03-02T06:30:00.000Z', end: '2026-03-02T07:00:00.000Z', duration: 1800 },
      { state: 'RUNNING', reason_code: null, job_id: 'J1', start: '2026-03-02T07:00:00.000Z', end: '2026-03-02T08:00:00.000Z', duration: 3600 },
    ]);
  });

  it('starts at the first change when nothing was recorded before the period', () => {
    expect(stateIntervals([change('06:10', 'IDLE')], t('06:00'), t('06:20'))).toEqual([
      { state: 'IDLE', reason_code: null, job_id: null, start: '2026-03-02T06:10:00.000Z', end: '2026-03-02T06:20:00.000Z', duration: 600 },
    ]);
  });

  it('joins the state in effect with an identical first change, and drops empty and late stretches', () => {
    const intervals = stateIntervals(
      [change('05:00', 'SETUP'), change('06:00', 'SETUP'), change('06:15', 'SETUP', 'TOOL'), change('06:15', 'RUNNING'), change('09:00', 'DOWN')],
      t('06:00'),
      t('07:00'),
    );
    expect(intervals.map((i) => [i.state, i.reason_code, i.start.slice(11, 16), i.end.slice(11, 16), i.duration])).toEqual([
      ['SETUP', null, '06:00', '06:15', 900],
      ['RUNNING', null, '06:15', '07:00', 2700],
    ]);
  });

  it('answers nothing for no changes', () => {
    expect(stateIntervals([], t('06:00'), t('07:00'))).toEqual([]);
  });
});
