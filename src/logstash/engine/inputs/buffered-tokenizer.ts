/**
 * FileWatch::BufferedTokenizer as logstash-core v8.17.4 implements it
 * (BufferedTokenizerExt.java:58-134): splits a stream of chunks on a delimiter, keeping the
 * unfinished tail for the next chunk. Texts here are byte strings (latin1: one char per byte),
 * so sizes are bytes as in Ruby.
 *
 * The size limit is checked on the FIRST token of each chunk only (the tail carried over, plus
 * the chunk's first piece): a long line that arrives in one chunk behind another line passes.
 * When it trips, extract throws "input buffer full..." after dropping that fragment, and the
 * rest of the line is skipped on the next call.
 */
export class BufferedTokenizer {
  private input: string[] = [];
  private headToken = '';
  private inputSize = 0;
  private bufferFullErrorNotified = false;

  constructor(
    private readonly delimiter: string,
    private readonly sizeLimit?: number,
  ) {
    if (sizeLimit !== undefined && sizeLimit <= 0) throw new Error('Size limit must be positive');
  }

  extract(data: string): string[] {
    const entities = data.split(this.delimiter);
    if (!this.bufferFullErrorNotified) {
      this.input = entities;
    } else if (this.input.length === 0) {
      // after a buffer full error, the rest of the line up to the next delimiter is dropped
      entities.shift();
      this.input.push(...entities);
    } else if (entities.length > 0) {
      const last = this.input.pop()!;
      entities[0] = last + entities[0];
      this.input.push(...entities);
    }
    if (this.sizeLimit !== undefined) {
      if (this.bufferFullErrorNotified) {
        this.bufferFullErrorNotified = false;
        if (this.input.length === 0) return [];
      }
      const entitiesSize = this.input[0]!.length;
      if (this.inputSize + entitiesSize > this.sizeLimit) {
        this.bufferFullErrorNotified = true;
        this.headToken = '';
        const message = `input buffer full, consumed token which exceeded the sizeLimit ${this.sizeLimit}; inputSize: ${this.inputSize}, entitiesSize ${entitiesSize}`;
        this.inputSize = 0;
        this.input.shift();
        throw new BufferFullError(message);
      }
      this.inputSize += entitiesSize;
    }
    if (this.input.length < 2) {
      this.headToken += this.input.shift() ?? '';
      return [];
    }
    if (this.headToken.length > 0) {
      this.input[0] = this.headToken + this.input[0]!;
      this.headToken = '';
    }
    this.headToken = this.input.pop()!;
    this.inputSize = this.headToken.length;
    const out = this.input;
    this.input = [];
    return out;
  }

  /** What is left (a last line without delimiter), emptying the buffer. */
  flush(): string {
    const rest = this.headToken;
    this.headToken = '';
    this.inputSize = 0;
    return rest;
  }
}

/** java.lang.IllegalStateException from extract: nothing in json_lines or tcp rescues it. */
export class BufferFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'java.lang.IllegalStateException';
  }
}
