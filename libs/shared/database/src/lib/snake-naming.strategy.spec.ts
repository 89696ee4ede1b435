import { SnakeNamingStrategy } from './snake-naming.strategy';

describe(SnakeNamingStrategy.name, () => {
  const naming = new SnakeNamingStrategy();

  describe('tableName', () => {
    it.each([
      ['ApiKey', 'api_key'],
      ['APIKey', 'api_key'],
      ['Machine', 'machine'],
      ['OeeSnapshot', 'oee_snapshot'],
      ['MachineStateEvent', 'machine_state_event'],
      ['HTTPRequestLog', 'http_request_log'],
      ['Shift2Report', 'shift2_report'],
    ])('names the table of %s as %s', (className, expected) => {
      expect(naming.tableName(className, undefined)).toBe(expected);
    });

    it('keeps a custom table name as it is', () => {
      expect(naming.tableName('ApiKey', 'gateway_api_keys')).toBe('gateway_api_keys');
      expect(naming.tableName('ApiKey', 'LegacyKeys')).toBe('LegacyKeys');
    });
  });

  describe('columnName', () => {
    it.each([
      ['keyHash', 'key_hash'],
      ['lastUsedAt', 'last_used_at'],
      ['id', 'id'],
      ['machineId', 'machine_id'],
      ['sourceUpdatedAt', 'source_updated_at'],
      ['oeePercent', 'oee_percent'],
      ['APIKey', 'api_key'],
      ['already_snake', 'already_snake'],
    ])('names the column of %s as %s', (propertyName, expected) => {
      expect(naming.columnName(propertyName, undefined, [])).toBe(expected);
    });

    it('keeps a custom column name as it is', () => {
      expect(naming.columnName('keyHash', 'hash', [])).toBe('hash');
      expect(naming.columnName('keyHash', 'KeyHashV2', [])).toBe('KeyHashV2');
    });

    it('prefixes columns of embedded entities with their snake-cased prefixes', () => {
      expect(naming.columnName('streetName', undefined, ['homeAddress'])).toBe('home_address_street_name');
      expect(naming.columnName('maxRpm', undefined, ['specs', 'mainSpindle'])).toBe('specs_main_spindle_max_rpm');
      expect(naming.columnName('maxRpm', 'rpm', ['mainSpindle'])).toBe('main_spindle_rpm');
    });
  });

  describe('joinColumnName', () => {
    it.each([
      ['machine', 'id', 'machine_id'],
      ['apiKey', 'id', 'api_key_id'],
      ['createdBy', 'keyId', 'created_by_key_id'],
    ])('names the join column of %s.%s as %s', (relationName, referencedColumnName, expected) => {
      expect(naming.joinColumnName(relationName, referencedColumnName)).toBe(expected);
    });
  });

  describe('relationName', () => {
    it('snake-cases the relation property', () => {
      expect(naming.relationName('lastStateEvent')).toBe('last_state_event');
    });
  });
});
