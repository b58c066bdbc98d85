import { RubyRegexError, rubyRegex } from './ruby-regex.js';

/**
 * Undefined when `pattern` compiles as Logstash's Joni would read it (Oniguruma, Ruby syntax:
 * src/logstash/ruby-regex.ts), else the reason. JavaScript's RegExp would reject or misread
 * atomic groups, possessive quantifiers and (?m).
 */
export async function compileError(pattern: string): Promise<string | undefined> {
  try {
    await rubyRegex(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof RubyRegexError) return error.reason;
    throw error;
  }
}
