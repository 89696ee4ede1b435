import { defaultMapping, mergeMapping } from '../source/source-mapping';
import { cursorAfter, machineIdsQuery, maxIdQuery, nextPageQuery, remainingCountQuery, START, type Cursor } from './source-queries';

const mapping = defaultMapping();

const JOB_SELECT =
  'SELECT `t`.`job_id` AS `job_id`, `t`.`machine_id` AS `machine_id`, `t`.`part_number` AS `part_number`, `t`.`start_time` AS `start_time`, ' +
  '`t`.`end_time` AS `end_time`, `t`.`state` AS `state`, `t`.`operator_id` AS `operator_id`, `t`.`setup_time` AS `setup_time`, ' +
  '`t`.`cycle_time` AS `cycle_time`, `t`.`ideal_cycle_time` AS `ideal_cycle_time`, `t`.`parts_produced` AS `parts_produced`, ' +
  '`t`.`parts_scrapped` AS `parts_scrapped`, `t`.`updated_at` AS `updated_at` FROM `jobs` AS t';

const EVENT_SELECT =
  'SELECT `t`.`event_id` AS `event_id`, `t`.`machine_id` AS `machine_id`, `t`.`event_time` AS `event_time`, `t`.`state` AS `state`, ' +
  '`t`.`reason_code` AS `reason_code`, `t`.`job_id` AS `job_id`, `t`.`part_count` AS `part_count` FROM `machine_events` AS t';

const jobsAfter = (updatedAt: string, key: string): Cursor => ({ updatedAt, key, id: null });

const UPPER = '2026-03-01 10:00:00.000';

describe('nextPageQuery', () => {
  describe('for a mutable table', () => {
    it('reads from the start up to the source time minus the safety lag, in keyset order', () => {
      expect(nextPageQuery(mapping, 'jobs', START, 500, UPPER)).toBe(
        `${JOB_SELECT} WHERE \`t\`.\`updated_at\` <= '2026-03-01 10:00:00.000' ORDER BY \`t\`.\`updated_at\`, \`t\`.\`job_id\` LIMIT 500`,
      );
    });

    it('continues after the cursor by updated_at, then key', () => {
      expect(nextPageQuery(mapping, 'jobs', jobsAfter('2026-01-15 08:00:01.500', 'J-1001'), 500, UPPER)).toBe(
        `${JOB_SELECT} WHERE \`t\`.\`updated_at\` <= '2026-03-01 10:00:00.000'` +
          " AND (`t`.`updated_at` > '2026-01-15 08:00:01.500' OR (`t`.`updated_at` = '2026-01-15 08:00:01.500' AND `t`.`job_id` > 'J-1001'))" +
          ' ORDER BY `t`.`updated_at`, `t`.`job_id` LIMIT 500',
      );
    });

    it('uses the entity key of each table', () => {
      const machines = nextPageQuery(mapping, 'machines', START, 100, UPPER);
      expect(machines).toContain(
        " FROM `machines` AS t WHERE `t`.`updated_at` <= '2026-03-01 10:00:00.000' ORDER BY `t`.`updated_at`, `t`.`machine_id` LIMIT 100",
      );
      const downtime = nextPageQuery(mapping, 'downtime_records', jobsAfter('2026-01-15 07:40:00', 'D-9'), 100, UPPER);
      expect(downtime).toContain("(`t`.`updated_at` > '2026-01-15 07:40:00' OR (`t`.`updated_at` = '2026-01-15 07:40:00' AND `t`.`record_id` > 'D-9'))");
      expect(downtime).toMatch(/ ORDER BY `t`\.`updated_at`, `t`\.`record_id` LIMIT 100$/);
    });

    it('truncates a fractional limit to a whole number', () => {
      expect(nextPageQuery(mapping, 'jobs', START, 250.9, UPPER)).toMatch(/<= '2026-03-01 10:00:00.000' ORDER BY .* LIMIT 250$/);
    });

    it('quotes the upper bound as a literal', () => {
      expect(nextPageQuery(mapping, 'jobs', START, 10, "2026' OR 1=1 --")).toContain("<= '2026\\' OR 1=1 --' ORDER BY");
    });

    it('selects every canonical field under its canonical name', () => {
      const page = nextPageQuery(mapping, 'machines', START, 1, UPPER);
      expect(page.startsWith('SELECT `t`.`machine_id` AS `machine_id`, `t`.`name` AS `name`, `t`.`type` AS `type`, `t`.`location` AS `location`, ')).toBe(true);
      expect(page).toContain('`t`.`installation_date` AS `installation_date`, `t`.`specifications` AS `specifications`, `t`.`updated_at` AS `updated_at` FROM');
    });
  });

  describe('for an append-only table', () => {
    it('reads from the start by id', () => {
      expect(nextPageQuery(mapping, 'machine_events', START, 1000, UPPER)).toBe(`${EVENT_SELECT} ORDER BY \`t\`.\`event_id\` LIMIT 1000`);
    });

    it('continues after the last id, without a lag', () => {
      expect(nextPageQuery(mapping, 'machine_events', { updatedAt: null, key: null, id: 41 }, 1000, UPPER)).toBe(
        `${EVENT_SELECT} WHERE \`t\`.\`event_id\` > 41 ORDER BY \`t\`.\`event_id\` LIMIT 1000`,
      );
    });

    it('stops at the id bound taken a safety lag earlier, and reads nothing of a table that was empty then', () => {
      expect(nextPageQuery(mapping, 'machine_events', { updatedAt: null, key: null, id: 41 }, 1000, UPPER, 90)).toBe(
        `${EVENT_SELECT} WHERE \`t\`.\`event_id\` > 41 AND \`t\`.\`event_id\` <= 90 ORDER BY \`t\`.\`event_id\` LIMIT 1000`,
      );
      expect(nextPageQuery(mapping, 'machine_events', START, 1000, UPPER, 90)).toBe(
        `${EVENT_SELECT} WHERE \`t\`.\`event_id\` <= 90 ORDER BY \`t\`.\`event_id\` LIMIT 1000`,
      );
      expect(nextPageQuery(mapping, 'machine_events', START, 1000, UPPER, null)).toBe(`${EVENT_SELECT} WHERE 1 = 0 ORDER BY \`t\`.\`event_id\` LIMIT 1000`);
      expect(remainingCountQuery(mapping, 'machine_readings', { updatedAt: null, key: null, id: 5 }, UPPER, 9)).toBe(
        'SELECT COUNT(*) AS n FROM `machine_readings` AS t WHERE `t`.`reading_id` > 5 AND `t`.`reading_id` <= 9',
      );
      expect(maxIdQuery(mapping, 'machine_readings')).toBe('SELECT MAX(`t`.`reading_id`) AS m FROM `machine_readings` AS t');
    });

    it('pages readings by reading_id', () => {
      const page = nextPageQuery(mapping, 'machine_readings', { updatedAt: null, key: null, id: 0 }, 10, UPPER);
      expect(page).toMatch(/ FROM `machine_readings` AS t WHERE `t`\.`reading_id` > 0 ORDER BY `t`\.`reading_id` LIMIT 10$/);
      expect(page).not.toContain('2026-03-01 10:00:00.000');
    });
  });

  describe('with a site mapping', () => {
    const odd = mergeMapping(mapping, {
      entities: { jobs: { table: 'mdc`orders', columns: { job_id: 'order no', updated_at: 'geändert`am', state: 'status' } } },
    });

    it('escapes odd table and column names', () => {
      expect(nextPageQuery(odd, 'jobs', jobsAfter('2026-01-15 08:00:01.500', 'A-1'), 10, UPPER)).toBe(
        'SELECT `t`.`order no` AS `job_id`, `t`.`machine_id` AS `machine_id`, `t`.`part_number` AS `part_number`, `t`.`start_time` AS `start_time`, ' +
          '`t`.`end_time` AS `end_time`, `t`.`status` AS `state`, `t`.`operator_id` AS `operator_id`, `t`.`setup_time` AS `setup_time`, ' +
          '`t`.`cycle_time` AS `cycle_time`, `t`.`ideal_cycle_time` AS `ideal_cycle_time`, `t`.`parts_produced` AS `parts_produced`, ' +
          '`t`.`parts_scrapped` AS `parts_scrapped`, `t`.`geändert``am` AS `updated_at` FROM `mdc``orders` AS t ' +
          "WHERE `t`.`geändert``am` <= '2026-03-01 10:00:00.000' " +
          "AND (`t`.`geändert``am` > '2026-01-15 08:00:01.500' OR (`t`.`geändert``am` = '2026-01-15 08:00:01.500' AND `t`.`order no` > 'A-1')) " +
          'ORDER BY `t`.`geändert``am`, `t`.`order no` LIMIT 10',
      );
    });

    it('escapes an odd append-only key column', () => {
      const events = mergeMapping(mapping, { entities: { machine_events: { table: 'MDC Events', columns: { event_id: 'id`x' } } } });
      expect(nextPageQuery(events, 'machine_events', { updatedAt: null, key: null, id: 7 }, 5, UPPER)).toMatch(
        / FROM `MDC Events` AS t WHERE `t`\.`id``x` > 7 ORDER BY `t`\.`id``x` LIMIT 5$/,
      );
    });
  });

  describe('with hostile cursor values', () => {
    it('quotes a cursor key as a literal', () => {
      const page = nextPageQuery(mapping, 'jobs', jobsAfter('2026-01-15 08:00:01.500', "x' OR 1=1 --"), 500, UPPER);
      expect(page).toContain("AND `t`.`job_id` > 'x\\' OR 1=1 --'))");
      expect(page.split('OR 1=1')).toHaveLength(2);
      expect(page).not.toContain("'x' OR 1=1");
      expect(page.endsWith(' ORDER BY `t`.`updated_at`, `t`.`job_id` LIMIT 500')).toBe(true);
    });

    it('quotes a cursor time as a literal', () => {
      const page = nextPageQuery(mapping, 'jobs', jobsAfter("2026-01-01'; DROP TABLE jobs; --", 'J-1'), 500, UPPER);
      expect(page).toContain("`t`.`updated_at` > '2026-01-01\\'; DROP TABLE jobs; --'");
      expect(page).not.toContain("'2026-01-01';");
    });
  });
});

describe('remainingCountQuery', () => {
  it('counts what is left of a mutable table from the start', () => {
    expect(remainingCountQuery(mapping, 'jobs', START, UPPER)).toBe(
      "SELECT COUNT(*) AS n FROM `jobs` AS t WHERE `t`.`updated_at` <= '2026-03-01 10:00:00.000'",
    );
  });

  it('counts with the same condition as the next page, without order or limit', () => {
    const cursor = jobsAfter('2026-01-15 08:00:01.500', 'J-1001');
    const count = remainingCountQuery(mapping, 'jobs', cursor, UPPER);
    const page = nextPageQuery(mapping, 'jobs', cursor, 500, UPPER);
    const where = page.slice(page.indexOf(' WHERE '), page.indexOf(' ORDER BY '));
    expect(count).toBe(`SELECT COUNT(*) AS n FROM \`jobs\` AS t${where}`);
    expect(count).not.toContain('ORDER BY');
    expect(count).not.toContain('LIMIT');
  });

  it('counts a whole append-only table from the start', () => {
    expect(remainingCountQuery(mapping, 'machine_events', START, UPPER)).toBe('SELECT COUNT(*) AS n FROM `machine_events` AS t');
  });

  it('counts an append-only table after the last id', () => {
    expect(remainingCountQuery(mapping, 'machine_readings', { updatedAt: null, key: null, id: 99 }, UPPER)).toBe(
      'SELECT COUNT(*) AS n FROM `machine_readings` AS t WHERE `t`.`reading_id` > 99',
    );
  });

  it('keeps a hostile cursor key quoted', () => {
    expect(remainingCountQuery(mapping, 'jobs', jobsAfter('2026-01-15 08:00:00', "x' OR 1=1 --"), UPPER)).toBe(
      "SELECT COUNT(*) AS n FROM `jobs` AS t WHERE `t`.`updated_at` <= '2026-03-01 10:00:00.000' AND (`t`.`updated_at` > '2026-01-15 08:00:00' OR (`t`.`updated_at` = '2026-01-15 08:00:00' AND `t`.`job_id` > 'x\\' OR 1=1 --'))",
    );
  });

  it('counts a mapped table under its escaped name', () => {
    const odd = mergeMapping(mapping, { entities: { downtime_records: { table: 'Stillstand`e', columns: { updated_at: 'geändert am' } } } });
    expect(remainingCountQuery(odd, 'downtime_records', START, UPPER)).toBe(
      "SELECT COUNT(*) AS n FROM `Stillstand``e` AS t WHERE `t`.`geändert am` <= '2026-03-01 10:00:00.000'",
    );
  });
});

describe('cursorAfter', () => {
  it('takes updated_at and the key from the last row of a mutable table', () => {
    expect(cursorAfter('jobs', { job_id: 'J-1001', updated_at: '2026-01-15 08:00:01.500', state: 'RUNNING' })).toEqual({
      updatedAt: '2026-01-15 08:00:01.500',
      key: 'J-1001',
      id: null,
    });
    expect(cursorAfter('downtime_records', { record_id: 'D-9', updated_at: '2026-01-15 07:40:00' })).toEqual({
      updatedAt: '2026-01-15 07:40:00',
      key: 'D-9',
      id: null,
    });
  });

  it('takes a numeric key of a mutable table as text', () => {
    expect(cursorAfter('machines', { machine_id: 101, updated_at: '2026-01-15 08:30:00.123' })).toEqual({
      updatedAt: '2026-01-15 08:30:00.123',
      key: '101',
      id: null,
    });
  });

  it('takes the id from the last row of an append-only table', () => {
    expect(cursorAfter('machine_events', { event_id: 5001, machine_id: 'M-01' })).toEqual({ updatedAt: null, key: null, id: 5001 });
    expect(cursorAfter('machine_readings', { reading_id: '77' })).toEqual({ updatedAt: null, key: null, id: 77 });
  });

  it('continues the next page exactly after the last row', () => {
    const cursor = cursorAfter('jobs', { job_id: 'J-2', updated_at: '2026-01-15 09:00:00.000' });
    expect(nextPageQuery(mapping, 'jobs', cursor, 10, UPPER)).toContain(
      "(`t`.`updated_at` > '2026-01-15 09:00:00.000' OR (`t`.`updated_at` = '2026-01-15 09:00:00.000' AND `t`.`job_id` > 'J-2'))",
    );
    expect(nextPageQuery(mapping, 'machine_events', cursorAfter('machine_events', { event_id: 12 }), 10, UPPER)).toContain(
      'WHERE `t`.`event_id` > 12 ORDER BY',
    );
  });
});

describe('machineIdsQuery', () => {
  it('reads the machine ids of the default layout', () => {
    expect(machineIdsQuery(mapping)).toBe('SELECT `machine_id` AS machine_id FROM `machines`');
  });

  it('reads the machine ids from a mapped table and column', () => {
    const odd = mergeMapping(mapping, { entities: { machines: { table: 'MDC`Maschinen', columns: { machine_id: 'Maschinen Nr' } } } });
    expect(machineIdsQuery(odd)).toBe('SELECT `Maschinen Nr` AS machine_id FROM `MDC``Maschinen`');
  });
});
