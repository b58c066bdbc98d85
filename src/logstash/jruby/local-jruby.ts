import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { repoPath } from '../../sources/repo-files.js';
import { javaOptions, jrubyOptions } from './jruby-container.js';
import { javaSourceDir, rubySourceDir } from './ruby-sources.js';
import { readyLine, type RunningVersions } from './jruby-versions.js';
import type { Address } from './ndjson-connection.js';

export function findJrubyOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'jruby');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `jruby 9.4.8.0 (3.1.4) ...` → `9.4.8.0`. */
export async function localJrubyVersion(binary: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)(binary, ['--version'], { timeout: 120_000 });
    return /^jruby (\d+\.\d+\.\d+\.\d+)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * The stand-in server as a local process. It watches this process and exits with it; the
 * exception classes are compiled at its start, which needs a JDK (ruby/logstash/java_errors.rb).
 */
export function startLocalJruby(binary: string, startupTimeoutMs = 480_000): Promise<{ address: Address; via: string; versions: RunningVersions; stop(): Promise<void> }> {
  const child = spawn(binary, [...jrubyOptions, ...javaOptions.map((o) => `-J${o}`), repoPath(`${rubySourceDir}/server.rb`), '--port', '0', '--parent-pid', String(process.pid)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOGSTASH_STANDIN_JAVA_SRC: repoPath(javaSourceDir) },
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`local ${binary} printed no ready line within ${startupTimeoutMs} ms; its output:\n${output.slice(-2000)}`));
    }, startupTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyLine.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ address: { host: '127.0.0.1', port: Number(match[1]) }, via: `local ${binary}`, versions: { jruby: match[2]!, ruby: match[3]!, java: match[4]! }, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local ${binary} exited (${code}) before it was ready; its output:\n${output.slice(-2000)}`));
    });
  });
}
