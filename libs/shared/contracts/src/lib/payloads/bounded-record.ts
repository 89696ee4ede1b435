import { registerDecorator, type ValidationArguments } from 'class-validator';

export interface RecordLimits {
  maxKeys: number;
  /** Longest key, in UTF-16 code units. */
  maxKeyLength?: number;
  /** Longest string value, in UTF-16 code units. */
  maxStringLength?: number;
  /** Values may also be arrays of up to this many scalars (0: scalars only). */
  maxArrayItems?: number;
}

const SCALAR_TYPES = new Set(['number', 'string', 'boolean']);

/** What is wrong with a free-form settings object (params, readings, risks), or null: its shape only, not its meaning. */
export function boundedRecordProblem(value: unknown, limits: RecordLimits): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object';
  const keys = Object.keys(value);
  if (keys.length > limits.maxKeys) return `must have at most ${limits.maxKeys} keys (has ${keys.length})`;
  const maxKey = limits.maxKeyLength ?? 100;
  const maxString = limits.maxStringLength ?? 100;
  const scalarProblem = (v: unknown): string | null => {
    if (v === null) return null;
    if (!SCALAR_TYPES.has(typeof v)) return 'must be a number, a string, true/false or null';
    if (typeof v === 'string' && v.length > maxString) return `holds a string longer than ${maxString} characters`;
    if (typeof v === 'number' && !Number.isFinite(v)) return 'holds a number that is not finite';
    return null;
  };
  for (const key of keys) {
    if (key.length === 0 || key.length > maxKey) return `has a key that is empty or longer than ${maxKey} characters`;
    const v = (value as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      if (!limits.maxArrayItems) return `key ${JSON.stringify(key)} must be a number, a string, true/false or null`;
      if (v.length > limits.maxArrayItems) return `key ${JSON.stringify(key)} holds more than ${limits.maxArrayItems} items`;
      for (const item of v) {
        const problem = scalarProblem(item);
        if (problem) return `key ${JSON.stringify(key)} ${problem}`;
      }
      continue;
    }
    const problem = scalarProblem(v);
    if (problem) return `key ${JSON.stringify(key)} ${problem}`;
  }
  return null;
}

/**
 * A flat JSON object of bounded size: at most `maxKeys` keys of bounded length, each a scalar (or a short list of
 * scalars). The service that reads it checks what the keys and values mean; this keeps what travels there small.
 */
export function IsBoundedRecord(limits: RecordLimits): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isBoundedRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [limits],
      validator: {
        validate: (value: unknown) => boundedRecordProblem(value, limits) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} ${boundedRecordProblem(args?.value, limits) ?? 'is invalid'}`,
      },
    });
  };
}
