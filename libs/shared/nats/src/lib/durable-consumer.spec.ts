import { redeliveryDelayMs } from './durable-consumer';

const lowest = () => 0;
const highest = () => 1;

describe('redeliveryDelayMs', () => {
  it.each([
    [1, 250, 500],
    [2, 500, 1000],
    [3, 1000, 2000],
    [4, 2000, 4000],
    [5, 4000, 8000],
    [6, 8000, 16000],
    [7, 15000, 30000],
    [8, 15000, 30000],
  ])('waits between half and all of the ceiling after delivery %i (%i..%i ms)', (deliveryCount, min, max) => {
    expect(redeliveryDelayMs(deliveryCount, lowest)).toBe(min);
    expect(redeliveryDelayMs(deliveryCount, highest)).toBe(max);
  });

  it('lands in the middle of the range for a middle random value', () => {
    expect(redeliveryDelayMs(3, () => 0.5)).toBe(1500);
  });

  it('never waits more than 30 seconds, however many deliveries failed', () => {
    for (const deliveryCount of [10, 20, 100, 1024, 5000]) {
      expect(redeliveryDelayMs(deliveryCount, highest)).toBe(30000);
      expect(redeliveryDelayMs(deliveryCount, lowest)).toBe(15000);
    }
  });

  it('treats a delivery count below one like the first delivery', () => {
    expect(redeliveryDelayMs(0, highest)).toBe(500);
    expect(redeliveryDelayMs(-3, lowest)).toBe(250);
  });

  it('grows with the delivery count for the same random draw', () => {
    const delays = Array.from({ length: 12 }, (_, i) => redeliveryDelayMs(i + 1, () => 0.3));

    for (let i = 1; i < delays.length; i++) {
      expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? Infinity);
    }
    expect(delays[0]).toBeLessThan(delays[delays.length - 1] ?? 0);
  });

  it('returns whole milliseconds within the range with the default randomness', () => {
    for (let i = 0; i < 200; i++) {
      const delay = redeliveryDelayMs(2);
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });
});
