import { illegalArgument } from '../es-failure.js';
import type { Loc } from '../json/json-node.js';
import type { IndexSettings } from '../mapping/index-settings.js';
import { lookup, rootFieldsCount, totalFieldsCount, type Mapping, type ObjectMapping, type RootMapping } from '../mapping/mapping-types.js';
import { failedToParse } from './parse-errors.js';

/**
 * What DocumentParserContext accumulates while one document is parsed: the mappers created
 * dynamically (by full path, in creation order, as its `dynamicMappers` HashMap of lists), the
 * `_ignored` field names, and the running count of new fields used for the early limit check.
 */
export class ParseState {
  readonly dynamicMappers = new Map<string, Mapping[]>();
  readonly dynamicObjects = new Map<string, ObjectMapping>();
  readonly ignored = new Set<string>();
  private newFieldsSize = 0;
  private readonly existingFieldsCount: number;
  nestedDocs = 0;

  constructor(
    readonly root: RootMapping,
    readonly settings: IndexSettings,
    /** The `_id` named in messages ("in document with id '..'"). */
    readonly id: string,
  ) {
    this.existingFieldsCount = rootFieldsCount(root);
  }

  /**
   * DocumentParserContext#addDynamicMapper (8.15/8.16 source): an object first passes the depth
   * check; a mapper for a path not yet mapped nor already added in this document counts its
   * fields (MappingLookup#checkFieldLimit, "Limit of total fields [N] has been exceeded while
   * adding new fields [M]"), or, with `ignore_dynamic_beyond_limit`, is dropped into `_ignored`
   * (returns false). The IllegalArgumentException surfaces as "failed to parse: ..." at `loc`.
   * Read in server/src/main/java/org/elasticsearch/index/mapper/DocumentParserContext.java
   * (#addDynamicMapper: MappingLookup#exceedsLimit, then addIgnoredField(mapper.fullPath()) and
   * return false) and MapperService.java (INDEX_MAPPING_IGNORE_DYNAMIC_BEYOND_LIMIT_SETTING, false
   * for standard indices: our template sets it, audit 3.10).
   */
  addDynamicMapper(mapper: Mapping, loc: Loc): boolean {
    if (mapper.kind === 'object') this.checkDepth(mapper.path, loc);
    const known = lookup(this.root, mapper.path) !== undefined || this.dynamicMappers.has(mapper.path);
    if (!known) {
      const size = totalFieldsCount(mapper);
      const additional = this.newFieldsSize + size;
      const exceeds = this.settings.totalFieldsLimit - this.existingFieldsCount < additional;
      if (this.settings.ignoreDynamicBeyondLimit) {
        if (exceeds) {
          this.ignored.add(mapper.path);
          return false;
        }
      } else if (exceeds) {
        throw failedToParse(loc, illegalArgument(`Limit of total fields [${this.settings.totalFieldsLimit}] has been exceeded while adding new fields [${additional}]`));
      }
      this.newFieldsSize += size;
    }
    if (mapper.kind === 'object') this.dynamicObjects.set(mapper.path, mapper);
    const list = this.dynamicMappers.get(mapper.path) ?? [];
    list.push(mapper);
    this.dynamicMappers.set(mapper.path, list);
    return true;
  }

  /** MappingLookup#checkObjectDepthLimit: an object at a path with N dots has depth N + 2. */
  checkDepth(objectPath: string, loc: Loc): void {
    const depth = objectPath.split('.').length + 1;
    if (depth > this.settings.depthLimit) {
      throw failedToParse(loc, illegalArgument(`Limit of mapping depth [${this.settings.depthLimit}] has been exceeded due to object field [${objectPath}]`));
    }
  }

  /** ignore_dynamic_beyond_limit for an unmapped array: MappingLookup#exceedsLimit(limit, 1). */
  arrayBeyondLimit(): boolean {
    return this.settings.ignoreDynamicBeyondLimit && this.settings.totalFieldsLimit - this.existingFieldsCount < 1;
  }
}
