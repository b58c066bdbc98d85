import { location } from './location.js';

/**
 * A config, scenario or log that cannot be used as written. It carries the position so
 * that whoever catches it can point at the line, and a hint that says what to change.
 */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly hint?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${location({ file, line, column })}: ${message}${hint ? `\n  hint: ${hint}` : ''}`);
    this.name = 'ConfigError';
  }

  /** The bare message, without the location prefix and hint that `message` carries. */
  get reason(): string {
    return this.message.slice(location(this).length + 2).split('\n  hint: ')[0]!;
  }
}
