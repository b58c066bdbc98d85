import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import { YamlFile } from './yaml-file.js';

/**
 * The files of one tree of configs (the repository, a `--root` copy, one side of a diff), read
 * at most once each: text, parsed YAML (positions kept), directory listings and existence. A
 * parse error is cached too and thrown again to every reader, so each one reports the same
 * ConfigError at file:line. Files are named by their path relative to the root, as messages show them.
 */
export class SourceFiles {
  readonly root: string;
  private readonly cache = new Map<string, { value: unknown } | { error: unknown }>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a root-relative path (absolute paths pass through). */
  path(rel: string): string {
    return isAbsolute(rel) ? rel : join(this.root, rel);
  }

  /** Root-relative form of a path, for messages. */
  display(path: string): string {
    const rel = relative(this.root, this.path(path));
    return rel.startsWith('..') ? path : rel;
  }

  exists(rel: string): boolean {
    return this.memo(`exists:${rel}`, () => existsSync(this.path(rel)));
  }

  isDirectory(rel: string): boolean {
    return this.memo(`dir:${rel}`, () => this.exists(rel) && statSync(this.path(rel)).isDirectory());
  }

  /** Names in a directory, sorted; empty when it does not exist. */
  list(dir: string): readonly string[] {
    return this.memo(`list:${dir}`, () => (this.isDirectory(dir) ? readdirSync(this.path(dir)).sort() : []));
  }

  /** A file's text, or a ConfigError naming it and saying what is expected there. */
  text(rel: string, whatItIs = 'this file'): string {
    return this.memo(`text:${rel}`, () => {
      if (!this.exists(rel)) {
        throw new ConfigError(this.display(rel), 'config file is missing', `create ${whatItIs} at ${this.display(rel)}, or fix the path that names it`);
      }
      return readFileSync(this.path(rel), 'utf8');
    });
  }

  /** A YAML file parsed with positions; a syntax error is a ConfigError at its line. */
  yaml(rel: string, whatItIs?: string): YamlFile {
    return this.memo(`yaml:${rel}`, () => YamlFile.parse(this.display(rel), this.text(rel, whatItIs)));
  }

  /** The value `load` gives, computed once per key (a thrown error is kept and thrown again). */
  protected memo<T>(key: string, load: () => T): T {
    let entry = this.cache.get(key);
    if (!entry) {
      try {
        entry = { value: load() };
      } catch (error) {
        entry = { error };
      }
      this.cache.set(key, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.value as T;
  }
}
