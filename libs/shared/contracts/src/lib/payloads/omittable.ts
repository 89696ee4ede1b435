import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, and is then validated by nothing else; unlike class-validator's IsOptional, `null` is
 * not "left out": a client that sends `"mode": null` meant something, and hears that it is not a value.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
