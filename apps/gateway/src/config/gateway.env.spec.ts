import 'reflect-metadata';
import { ConfigValidationError, validateEnv } from '@shopfloor/config';
import { GatewayEnv, parseOrigins } from './gateway.env';

const REQUIRED = {
  DATABASE_URL: 'postgres://gateway:pw@127.0.0.1:5432/shopfloor',
  JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
};

describe(GatewayEnv.name, () => {
  it('listens on every interface by default, being the edge', () => {
    expect(validateEnv(GatewayEnv, REQUIRED).HOST).toBe('0.0.0.0');
    expect(validateEnv(GatewayEnv, { ...REQUIRED, HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(() => validateEnv(GatewayEnv, { ...REQUIRED, HOST: 'localhost' })).toThrow(ConfigValidationError);
  });

  it('allows no foreign origin unless CORS_ORIGINS names it', () => {
    expect(parseOrigins(validateEnv(GatewayEnv, REQUIRED).CORS_ORIGINS)).toEqual([]);
    expect(parseOrigins(validateEnv(GatewayEnv, { ...REQUIRED, CORS_ORIGINS: '' }).CORS_ORIGINS)).toEqual([]);
  });

  it('takes exact origins, comma separated, blanks around the commas ignored', () => {
    const env = validateEnv(GatewayEnv, { ...REQUIRED, CORS_ORIGINS: 'https://dashboard.example.com, http://localhost:5173,http://[::1]:8080' });

    expect(parseOrigins(env.CORS_ORIGINS)).toEqual(['https://dashboard.example.com', 'http://localhost:5173', 'http://[::1]:8080']);
  });

  it.each([
    ['a wildcard', '*'],
    ['a trailing slash', 'https://dashboard.example.com/'],
    ['a path', 'https://example.com/app'],
    ['upper case, which browsers never send', 'https://Dashboard.example.com'],
    ['the default port, which browsers leave out', 'https://dashboard.example.com:443'],
    ['no scheme', 'dashboard.example.com'],
    ['another scheme', 'ftp://example.com'],
    ['credentials', 'https://user@example.com'],
    ['the opaque origin', 'null'],
  ])('refuses %s at startup, naming the entry', (_case, entry) => {
    try {
      validateEnv(GatewayEnv, { ...REQUIRED, CORS_ORIGINS: `https://ok.example.com,${entry}` });
      throw new Error('expected CORS_ORIGINS to be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const problems = (error as ConfigValidationError).problems;
      expect(problems.map((p) => p.variable)).toEqual(['CORS_ORIGINS']);
      expect(problems[0].problem).toContain(JSON.stringify(entry));
      expect(problems[0].problem).not.toContain('ok.example.com');
    }
  });
});
