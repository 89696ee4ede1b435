import { DomainError, ErrorCode, ListMachinesRequest, OeeQuery } from '@shopfloor/contracts';
import { IsArray, IsOptional, IsString } from 'class-validator';
import { EdgeValidationPipe } from './validation.pipe';

const asQuery = (metatype: new () => object) => ({ type: 'query' as const, metatype, data: undefined });

/** A query whose parameter may repeat (?machine_ids=a&machine_ids=b), as Express parses it into an array. */
class RepeatedQuery {
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  machine_ids?: string[];
}

describe(EdgeValidationPipe.name, () => {
  it('gives each request its own copy of a query it has seen pass before', async () => {
    const pipe = new EdgeValidationPipe();

    const first = (await pipe.transform({ limit: '20', type: 'mill' }, asQuery(ListMachinesRequest))) as ListMachinesRequest;
    const second = (await pipe.transform({ limit: '20', type: 'mill' }, asQuery(ListMachinesRequest))) as ListMachinesRequest;

    expect(second).toBeInstanceOf(ListMachinesRequest);
    expect(second).toEqual({ limit: 20, type: 'mill' });
    expect(second).not.toBe(first);
    second.limit = 5;
    expect(await pipe.transform({ limit: '20', type: 'mill' }, asQuery(ListMachinesRequest))).toEqual({ limit: 20, type: 'mill' });
  });

  it('gives each request its own arrays of a remembered query', async () => {
    const pipe = new EdgeValidationPipe();
    const query = { machine_ids: ['M-2', 'M-1'] };
    const meta = { type: 'query' as const, metatype: RepeatedQuery, data: undefined };
    const first = (await pipe.transform(query, meta)) as { machine_ids?: string[] };
    first.machine_ids?.sort();
    first.machine_ids?.push('M-9');
    const second = (await pipe.transform(query, meta)) as { machine_ids?: string[] };
    const third = (await pipe.transform(query, meta)) as { machine_ids?: string[] };
    expect(second.machine_ids).toEqual(third.machine_ids);
    expect(second.machine_ids).not.toContain('M-9');
    expect(second.machine_ids).not.toBe(third.machine_ids);
  });

  it('refuses an invalid query every time, and judges the same text for each class by itself', async () => {
    const pipe = new EdgeValidationPipe();
    const refusal = async (value: object, metatype: new () => object) =>
      (await pipe.transform(value, asQuery(metatype)).catch((e: unknown) => e)) as DomainError;

    for (let i = 0; i < 2; i += 1) expect((await refusal({ limit: '0' }, ListMachinesRequest)).code).toBe(ErrorCode.ValidationFailed);
    expect(await pipe.transform({ machine_id: 'M-1' }, asQuery(OeeQuery))).toEqual({ machine_id: 'M-1' });
    const unknownField = await refusal({ machine_id: 'M-1' }, ListMachinesRequest);
    expect(unknownField).toBeInstanceOf(DomainError);
    expect(unknownField.fieldErrors?.[0]?.field).toBe('machine_id');
  });
});
