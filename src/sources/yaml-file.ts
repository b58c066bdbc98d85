import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { ConfigError } from './config-error.js';
import { displayPath, readRepoFile } from './repo-files.js';

export type YamlPath = readonly (string | number)[];

/**
 * A YAML file parsed with its source positions kept, so every later finding can name
 * the line it is about. Multi-document files (k8s manifests) keep each document.
 */
export class YamlFile {
  readonly lines: readonly string[];
  private constructor(
    readonly file: string,
    readonly text: string,
    readonly documents: readonly Document.Parsed[],
    private readonly counter: LineCounter,
  ) {
    this.lines = text.split('\n');
  }

  /** Parses `text`; a syntax error becomes a ConfigError naming file, line and column. */
  static parse(file: string, text: string): YamlFile {
    const counter = new LineCounter();
    const documents = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    if (!Array.isArray(documents)) throw new ConfigError(file, 'not a YAML stream');
    for (const doc of documents) {
      const error = doc.errors[0];
      if (error) {
        const pos = counter.linePos(error.pos[0]);
        const firstLine = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        throw new ConfigError(
          file,
          `YAML syntax error: ${firstLine}`,
          'fix the YAML at that line (indentation, a missing colon, or an unquoted special character are the usual causes)',
          pos.line,
          pos.col,
        );
      }
    }
    return new YamlFile(file, text, documents, counter);
  }

  /** Reads and parses a repo file; a missing file is a ConfigError too. */
  static load(path: string, whatItIs?: string): YamlFile {
    return YamlFile.parse(displayPath(path), readRepoFile(path, whatItIs));
  }

  /** The first (usually only) document as plain data. */
  get data(): unknown {
    return this.documents[0]?.toJS() ?? null;
  }

  /** Every document as plain data (empty documents dropped). */
  get allData(): unknown[] {
    return this.documents.map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    return this.counter.linePos(offset).line;
  }

  /**
   * The line of the node at `path` inside document `doc`. For a map entry it is the line of
   * its key, which is where a reader looks. Falls back to the deepest ancestor that exists.
   */
  lineOf(path: YamlPath, doc = 0): number | undefined {
    let node: unknown = this.documents[doc]?.contents;
    let line: number | undefined = node ? this.nodeLine(node as Node) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return line;
        line = isScalar(pair.key) ? this.nodeLine(pair.key) : line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (!item) return line;
        line = this.nodeLine(item as Node) ?? line;
        node = item;
      } else {
        return line;
      }
    }
    return line;
  }

  /** The line of the value at `path` (not its key): for a multi-line string, where it starts. */
  valueLineOf(path: YamlPath, doc = 0): number | undefined {
    const node = this.documents[doc]?.getIn(path, true) as Node | undefined;
    return node ? this.nodeLine(node) : this.lineOf(path, doc);
  }

  private nodeLine(node: Node): number | undefined {
    return node.range ? this.lineAt(node.range[0]) : undefined;
  }
}
