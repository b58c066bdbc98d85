import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ToolName, type ToolResult, runTool } from './tool-runner.js';

/**
 * Runs a tool on text the harness made (e.g. a config with its mount paths rewritten): the text
 * is written to a temporary file named `name`, `args` gets its path, and the file is gone after.
 * So a check hands a tool its input without touching the file system itself.
 */
export async function runToolOnText(tool: ToolName, name: string, text: string, args: (path: string) => readonly string[], cwd?: string): Promise<ToolResult> {
  const dir = mkdtempSync(join(tmpdir(), `${tool}-input-`));
  try {
    const path = join(dir, name);
    writeFileSync(path, text);
    return await runTool(tool, args(path), cwd);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
