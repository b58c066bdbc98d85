import { dateFilter } from '../date/date-filter.js';
import type { AnyFilterDefinition } from '../filter-stage.js';
import { cidrFilter } from '../filters/cidr-filter.js';
import { jsonFilter } from '../filters/json-filter.js';
import { rubyFilter } from '../filters/ruby-filter.js';
import { geoipFilter } from '../geoip/geoip-filter.js';
import { grokFilter } from '../grok/grok-filter.js';
import { mutateFilter } from '../mutate/mutate-filter.js';

/**
 * The filters the engine models, by the name a config writes. Any other filter is an error at
 * its file:line (pipeline.ts). grok, date and geoip come from the logs-filters branch.
 */
export const filterRegistry: ReadonlyMap<string, AnyFilterDefinition> = new Map<string, AnyFilterDefinition>([
  ['mutate', mutateFilter],
  ['json', jsonFilter],
  ['cidr', cidrFilter],
  ['grok', grokFilter],
  ['date', dateFilter],
  ['geoip', geoipFilter],
  ['ruby', rubyFilter],
]);
