import { readRepoFile } from '../../../src/sources/repo-files.js';

/** One command shown in a fenced ```sh block of a doc. */
export interface DocCommand {
  file: string;
  line: number;
  command: string;
  /** Words, with one level of quotes removed ('a b' stays one word). */
  words: string[];
}

/** Every command of every ```sh block: one per line, `\` continuations joined, comments dropped. */
export function shellCommands(file: string): DocCommand[] {
  const commands: DocCommand[] = [];
  let inSh = false;
  let pending: { line: number; text: string } | undefined;
  readRepoFile(file)
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line.startsWith('```')) {
        inSh = !inSh && line === '```sh';
        return;
      }
      if (!inSh || line === '' || line.startsWith('#')) return;
      const text = (pending ? `${pending.text} ` : '') + line.replace(/\\$/, '').trim();
      const start = pending?.line ?? i + 1;
      if (line.endsWith('\\')) {
        pending = { line: start, text };
        return;
      }
      pending = undefined;
      const command = text.replace(/\s+#\s.*$/, '');
      commands.push({ file, line: start, command, words: splitWords(command) });
    });
  return commands;
}

export function splitWords(command: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const m of command.matchAll(pattern)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** The value after a flag (`-f x` or `--flag=x`), every occurrence. */
export function flagValues(words: readonly string[], ...flags: string[]): string[] {
  const values: string[] = [];
  words.forEach((w, i) => {
    for (const flag of flags) {
      if (w === flag && words[i + 1] !== undefined) values.push(words[i + 1]!);
      else if (w.startsWith(`${flag}=`)) values.push(w.slice(flag.length + 1));
    }
  });
  return values;
}
