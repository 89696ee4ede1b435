import { parseDatabaseUrl, redactUrl } from './database-url';

describe(parseDatabaseUrl.name, () => {
  it('reads host, port, user, password and database', () => {
    expect(parseDatabaseUrl('mysql://cimco:s%40cret@db.local:3307/cimco_demo')).toEqual({
      host: 'db.local',
      port: 3307,
      user: 'cimco',
      password: 's@cret',
      database: 'cimco_demo',
    });
    expect(parseDatabaseUrl('mysql://root@127.0.0.1/cimco')).toMatchObject({ port: 3306, password: '', user: 'root' });
  });

  it('rejects other schemes, a missing database and names that cannot be quoted safely', () => {
    expect(() => parseDatabaseUrl('postgres://root@127.0.0.1:5432/x')).toThrow(/mysql:\/\//);
    expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306')).toThrow(/name the database/);
    expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306/a`b')).toThrow(/name the database/);
    expect(() => parseDatabaseUrl('not a url')).toThrow(/not a URL/);
  });
});

describe(redactUrl.name, () => {
  it('masks the password only', () => {
    expect(redactUrl('mysql://cimco:secret@db:3306/x')).toBe('mysql://cimco:***@db:3306/x');
    expect(redactUrl('mysql://root@db:3306/x')).toBe('mysql://root@db:3306/x');
  });
});
