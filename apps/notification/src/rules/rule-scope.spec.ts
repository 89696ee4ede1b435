import { inScope, scopeNeedsProfile } from './rule-scope';

const all = { machine_ids: [], machine_types: [], locations: [] };
const mill = { type: 'mill', location: 'Hall A' };

describe('inScope', () => {
  it('takes every machine when every list is empty, without asking for its profile', () => {
    expect(scopeNeedsProfile(all)).toBe(false);
    expect(inScope(all, 'M-1', undefined)).toBe(true);
  });

  it('takes only the listed machine ids', () => {
    const scope = { ...all, machine_ids: ['M-1', 'M-2'] };
    expect(inScope(scope, 'M-1', undefined)).toBe(true);
    expect(inScope(scope, 'M-3', undefined)).toBe(false);
  });

  it('matches types and locations, every non-empty list at once', () => {
    expect(inScope({ ...all, machine_types: ['mill'] }, 'M-1', mill)).toBe(true);
    expect(inScope({ ...all, machine_types: ['lathe'] }, 'M-1', mill)).toBe(false);
    expect(inScope({ ...all, locations: ['Hall A', 'Hall B'] }, 'M-1', mill)).toBe(true);
    expect(inScope({ ...all, machine_types: ['mill'], locations: ['Hall B'] }, 'M-1', mill)).toBe(false);
    expect(inScope({ ...all, machine_ids: ['M-2'], machine_types: ['mill'] }, 'M-1', mill)).toBe(false);
  });

  it('leaves out a machine without a location from a location scope, and one analytics does not know from a type scope', () => {
    expect(inScope({ ...all, locations: ['Hall A'] }, 'M-1', { type: 'mill', location: null })).toBe(false);
    expect(inScope({ ...all, machine_types: ['mill'] }, 'M-9', null)).toBe(false);
  });

  it('cannot tell when the profile is needed and could not be read', () => {
    expect(inScope({ ...all, machine_types: ['mill'] }, 'M-1', undefined)).toBeNull();
    // The id list decides alone when it leaves the machine out.
    expect(inScope({ ...all, machine_ids: ['M-2'], machine_types: ['mill'] }, 'M-1', undefined)).toBe(false);
  });
});
