import { buildShop } from '../domain/machine-catalog';
import type { DowntimeRow, JobRow } from '../domain/source-rows';
import { ZoneClock } from '../domain/zone-clock';
import { CimcoSql } from './cimco-writer';

const berlin = new ZoneClock('Europe/Berlin');
const T = Date.UTC(2025, 5, 2, 10, 15, 30, 250); // 12:15:30.250 CEST
const NOW = Date.UTC(2025, 5, 2, 11);

const job: JobRow = {
  jobId: 'MC-001-J000001',
  machineId: 'MC-001',
  partNumber: 'HSG-1234',
  startTime: T,
  endTime: null,
  state: 'RUNNING',
  operatorId: 'OP-1101',
  setupTime: 1800,
  cycleTime: null,
  idealCycleTime: 120,
  partsProduced: 0,
  partsScrapped: 0,
  updatedAt: T,
};

describe(CimcoSql.name, () => {
  const sql = new CimcoSql(berlin, () => NOW);

  it('writes one machine_readings row per metric, in wall time of the source zone', () => {
    const statement = sql.readings([
      { machineId: 'MC-001', readingTime: T, spindleLoad: 45.5, spindleTemp: 38.25, coolantTemp: 24.1, vibration: 1.234, toolWear: 12.5, power: 14.2 },
    ]);
    expect(statement).toBe(
      'INSERT INTO machine_readings (machine_id,reading_time,metric,value,unit) VALUES ' +
        "('MC-001','2025-06-02 12:15:30.250','spindle_load',45.5,'%')," +
        "('MC-001','2025-06-02 12:15:30.250','spindle_temp',38.25,'°C')," +
        "('MC-001','2025-06-02 12:15:30.250','coolant_temp',24.1,'°C')," +
        "('MC-001','2025-06-02 12:15:30.250','vibration',1.234,'mm/s')," +
        "('MC-001','2025-06-02 12:15:30.250','tool_wear',12.5,'min')," +
        "('MC-001','2025-06-02 12:15:30.250','power',14.2,'kW')",
    );
  });

  it('inserts a running job with NULL end_time and updates it when it exists', () => {
    const statement = sql.jobs([job]);
    expect(statement).toContain(
      "('MC-001-J000001','MC-001','HSG-1234','2025-06-02 12:15:30.250',NULL,'RUNNING','OP-1101',1800,NULL,120,0,0,'2025-06-02 12:15:30.250')",
    );
    expect(statement).toMatch(/ON DUPLICATE KEY UPDATE end_time=VALUES\(end_time\),state=VALUES\(state\).*updated_at=VALUES\(updated_at\)$/);
  });

  it('never writes an updated_at later than the real time of writing', () => {
    const future = { ...job, updatedAt: NOW + 3_600_000, endTime: NOW + 3_600_000, state: 'COMPLETED' as const };
    // Now is 13:00 CEST; the job's simulated end is an hour later.
    expect(sql.jobs([future])).toContain(",'2025-06-02 13:00:00.000')");
    expect(sql.jobs([future])).toContain("'2025-06-02 14:00:00.000','COMPLETED'");
  });

  it('escapes text and writes downtime durations in seconds', () => {
    const row: DowntimeRow = {
      recordId: 'MC-001-D0000001',
      jobId: null,
      machineId: 'MC-001',
      downtimeType: 'QUALITY',
      startTime: T,
      duration: 75.5,
      reasonCode: 'U05',
      description: "Operator's check",
      updatedAt: T + 75_500,
    };
    expect(sql.downtime([row])).toBe(
      'INSERT INTO downtime_records (record_id,job_id,machine_id,downtime_type,start_time,duration,reason_code,description,updated_at) VALUES ' +
        "('MC-001-D0000001',NULL,'MC-001','QUALITY','2025-06-02 12:15:30.250',75.5,'U05','Operator\\'s check','2025-06-02 12:16:45.750')",
    );
  });

  it('writes events with NULL for a missing reason, job or count', () => {
    expect(sql.events([{ machineId: 'MC-002', eventTime: T, state: 'OFFLINE', reasonCode: null, jobId: null, partCount: null }])).toBe(
      "INSERT INTO machine_events (machine_id,event_time,state,reason_code,job_id,part_count) VALUES ('MC-002','2025-06-02 12:15:30.250','OFFLINE',NULL,NULL,NULL)",
    );
  });

  it('writes machines with their installation date and JSON specifications', () => {
    const [machine] = buildShop(1, 1, T);
    const statement = sql.machines(machine ? [machine] : [], T);
    expect(statement).toMatch(
      /^INSERT INTO machines \(machine_id,name,type,location,installation_date,specifications,updated_at\) VALUES \('MC-001','Mill 01','MILL','Hall A, bay 1','\d{4}-\d{2}-\d{2} 00:00:00','\{\\"model\\":/,
    );
    expect(statement).toContain("'2025-06-02 12:15:30.250')");
  });
});
