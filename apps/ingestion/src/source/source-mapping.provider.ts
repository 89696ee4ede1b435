import { Injectable } from '@nestjs/common';
import { IANAZone } from 'luxon';
import { readFileSync } from 'node:fs';
import { IngestionEnv } from '../config/ingestion.env';
import { defaultMapping, MappingFormatError, mergeMapping, type SourceMapping } from './source-mapping';

/** The mapping in force: the default layout in CIMCO_TIMEZONE, with CIMCO_MAPPING_FILE's overrides if given. */
@Injectable()
export class SourceMappingProvider {
  readonly mapping: SourceMapping;

  constructor(env: IngestionEnv) {
    if (!IANAZone.isValidZone(env.CIMCO_TIMEZONE))
      throw new MappingFormatError(`CIMCO_TIMEZONE ${env.CIMCO_TIMEZONE} is not an IANA time zone (e.g. Europe/Berlin)`);
    const base = defaultMapping(env.CIMCO_TIMEZONE);
    if (!env.CIMCO_MAPPING_FILE) {
      this.mapping = mergeMapping(base, {});
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(env.CIMCO_MAPPING_FILE, 'utf8'));
    } catch (error) {
      throw new MappingFormatError(
        `CIMCO_MAPPING_FILE ${env.CIMCO_MAPPING_FILE} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.mapping = mergeMapping(base, parsed);
  }
}
