import { stateClass, stateLabel } from './machine-state';

describe(stateClass.name, () => {
  it.each([
    ['RUNNING', 'state-running'],
    ['down', 'state-down'],
    ['UNAVAILABLE', 'state-unavailable'],
    ['OFFLINE', 'state-other'],
  ])('gives %s the class %s', (state, expected) => {
    expect(stateClass(state)).toBe(expected);
  });
});

describe(stateLabel.name, () => {
  it('names a data gap unlike a stop', () => {
    expect(stateLabel('UNAVAILABLE')).toBe('No data');
    expect(stateLabel('DOWN')).toBe('Down');
  });

  it('shows a state it does not know as the source names it', () => {
    expect(stateLabel('OFFLINE')).toBe('OFFLINE');
  });
});
