import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import type { ElkStackInfo } from './elk-stack.js';
import type { LogInput } from './log-fixture-schema.js';
import { harnessLogFile } from './logstash-spec.js';
import type { LogstashContainer } from './logstash-container.js';

/**
 * Sends raw lines into Logstash through one of its real inputs: TCP (JSON lines, 5000),
 * syslog over TCP or UDP (5140), or a file under /var/log appended inside the container.
 * Only to the mapped ports on this machine.
 */
export async function sendLines(info: ElkStackInfo, container: LogstashContainer, input: LogInput, lines: readonly string[]): Promise<void> {
  const { host, tcpPort, syslogTcpPort, syslogUdpPort } = info.logstash;
  if (input === 'tcp') return sendTcp(host, tcpPort, lines);
  if (input === 'syslog-tcp') return sendTcp(host, syslogTcpPort, lines);
  if (input === 'syslog-udp') return sendUdp(host, syslogUdpPort, lines);
  // The lines travel as arguments, so no shell quoting can alter them.
  const result = await container.exec(['sh', '-c', `printf '%s\\n' "$@" >> ${harnessLogFile}`, 'append', ...lines]);
  if (result.exitCode !== 0) throw new Error(`appending to ${harnessLogFile} failed (exit ${result.exitCode}): ${result.output}`);
}

function sendTcp(host: string, port: number, lines: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => socket.end(lines.map((l) => `${l}\n`).join('')));
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no progress sending to ${host}:${port} within 10 s`)));
    socket.on('error', reject);
    socket.on('close', (hadError) => (hadError ? undefined : resolve()));
  });
}

async function sendUdp(host: string, port: number, lines: readonly string[]): Promise<void> {
  const socket = createSocket('udp4');
  try {
    for (const line of lines) {
      await new Promise<void>((resolve, reject) => socket.send(Buffer.from(line), port, host, (error) => (error ? reject(error) : resolve())));
    }
  } finally {
    socket.close();
  }
}
