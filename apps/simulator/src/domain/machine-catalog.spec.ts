import { MACHINE_TYPES, buildShop } from './machine-catalog';

describe(buildShop.name, () => {
  const reference = Date.UTC(2025, 5, 1);

  it('builds the same shop for the same seed', () => {
    expect(buildShop(20, 5, reference)).toEqual(buildShop(20, 5, reference));
    expect(buildShop(20, 6, reference)).not.toEqual(buildShop(20, 5, reference));
  });

  it('mixes every machine type over several halls with unique ids and names', () => {
    expect(buildShop(3, 1, reference, 'HALL2-').map((m) => m.machineId)).toEqual(['HALL2-001', 'HALL2-002', 'HALL2-003']);
    const shop = buildShop(20, 1, reference);
    expect(new Set(shop.map((m) => m.profile.type))).toEqual(new Set(MACHINE_TYPES));
    expect(new Set(shop.map((m) => m.profile.hall)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(shop.map((m) => m.machineId)).size).toBe(20);
    expect(new Set(shop.map((m) => m.name)).size).toBe(20);
    // A small shop still gets different machine types.
    expect(new Set(buildShop(3, 1, reference).map((m) => m.profile.type)).size).toBe(3);
  });

  it('gives each machine specifications, an installation date 1–20 years back and a part catalogue', () => {
    for (const m of buildShop(50, 2, reference)) {
      const ageYears = (reference - m.installedDay * 86_400_000) / (365.25 * 86_400_000);
      expect(ageYears).toBeGreaterThanOrEqual(0.99);
      expect(ageYears).toBeLessThanOrEqual(20.01);
      expect(m.specifications.power_kw).toBeGreaterThan(0);
      expect(m.specifications.axes).toBeGreaterThanOrEqual(2);
      if (m.profile.type !== 'EDM') expect(m.specifications.max_rpm).toBeGreaterThan(1000);
      expect(m.parts.length).toBeGreaterThanOrEqual(6);
      for (const part of m.parts) {
        expect(part.idealCycleS).toBeGreaterThanOrEqual(m.profile.idealCycleS[0]);
        expect(part.idealCycleS).toBeLessThanOrEqual(m.profile.idealCycleS[1]);
        expect(part.partNumber).toMatch(/^[A-Z]{3}-\d{4}$/);
      }
    }
  });
});
