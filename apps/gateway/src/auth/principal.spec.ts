import type { ApiKeyRole } from '@shopfloor/gateway/data-access';
import { roleSatisfies } from './principal';

describe('roleSatisfies', () => {
  it.each<[ApiKeyRole, ApiKeyRole, boolean]>([
    ['viewer', 'viewer', true],
    ['viewer', 'operator', false],
    ['viewer', 'admin', false],
    ['operator', 'viewer', true],
    ['operator', 'operator', true],
    ['operator', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'operator', true],
    ['admin', 'admin', true],
  ])('lets a %s do what needs %s: %p', (actual, required, allowed) => {
    expect(roleSatisfies(actual, required)).toBe(allowed);
  });
});
