import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Raised at boot when the environment is incomplete or wrong; its message names every offending variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.problem}`).join('\n')}\n` + 'See .env.example for every variable and its meaning.',
    );
    this.name = ConfigValidationError.name;
  }
}

/**
 * Validates the environment against a decorated env class and returns the typed instance. Empty strings count as
 * unset, so `FOO=` falls back to the default instead of becoming an invalid value.
 */
export function validateEnv<T extends object>(cls: ClassConstructor<T>, env: Record<string, string | undefined>): T {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(cls, cleaned, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(instance, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((e) => ({
        variable: e.property,
        problem:
          e.value === undefined
            ? 'is required but not set'
            : `${Object.values(e.constraints ?? {}).join('; ')} (got a value of ${String(e.value).length} characters)`,
      })),
    );
  }
  return instance;
}
