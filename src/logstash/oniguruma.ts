import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Onig = typeof import('vscode-oniguruma');
let loaded: Promise<Onig> | undefined;

/**
 * Oniguruma (WASM, the engine VS Code uses): Logstash's regular expressions run on Joni, a
 * port of Oniguruma with Ruby syntax, so atomic groups, possessive quantifiers and (?m) as
 * "dot matches newline" mean here what they mean there. JavaScript's RegExp would reject or
 * misread them.
 */
function oniguruma(): Promise<Onig> {
  loaded ??= (async () => {
    const onig = require('vscode-oniguruma') as Onig;
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return onig;
  })();
  return loaded;
}

/** Undefined when `pattern` compiles, else Oniguruma's reason. */
export async function compileError(pattern: string): Promise<string | undefined> {
  const onig = await oniguruma();
  try {
    new onig.OnigScanner([pattern]).dispose();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
