/** `file`, `file:line` or `file:line:column`: how every finding and every bad input is pointed at. */
export function location(p: { file: string; line?: number; column?: number }): string {
  if (p.line === undefined) return p.file;
  return p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
}
