import type { LogInput } from '../../../log-stack/log-fixture-schema.js';
import { harnessLogFile } from '../../../log-stack/logstash-spec.js';
import type { Event } from '../event.js';
import type { Peer } from '../inputs/input-api.js';
import type { LogstashPipeline } from './pipeline.js';

/** The harness's host as the Logstash container sees it (the Docker bridge gateway). */
export const harnessPeer: Peer = { ip: '172.17.0.1', name: '172.17.0.1', port: 41234 };

export interface Fed {
  events: Event[];
  /** What the inputs lost or hold back, said in words (a closed connection, a file not read, a pending entry). */
  incidents: string[];
}

/**
 * Sends lines into the pipeline's inputs the way the container harness does
 * (src/log-stack/log-sender.ts): `tcp` and `syslog-tcp` as one connection carrying every line
 * with "\n", closed at the end; `syslog-udp` one datagram per line; `file` the lines appended
 * with "\n" to /var/log/timetable/harness.log, then the wait that lets auto_flush_interval fire.
 * A TCP stream is cut into reads as Netty's adaptive receive buffer would read it when the data
 * is all there (2048 bytes, then 32 KiB, then 64 KiB).
 */
export function feedLines(pipeline: LogstashPipeline, input: LogInput, lines: readonly string[], peer: Peer = harnessPeer): Fed {
  const incidents: string[] = [];
  const events: Event[] = [];
  if (input === 'tcp' || input === 'syslog-tcp') {
    const stage = pipeline.input(input === 'tcp' ? 'tcp' : 'syslog');
    const connection = stage.connect!(peer);
    const stream = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
    for (const { chunk, end } of nettyReads(stream)) {
      events.push(...connection.receive(chunk));
      if (connection.closedBecause) {
        incidents.push(`${stage.where}: the input closed the connection (${connection.closedBecause}); the ${stream.length - end} bytes after it were lost`);
        break;
      }
    }
    events.push(...connection.end());
  } else if (input === 'syslog-udp') {
    const stage = pipeline.input('syslog');
    for (const line of lines) events.push(...stage.datagram!(Buffer.from(line, 'utf8'), peer));
  } else {
    const stage = pipeline.input('file');
    const appended = stage.appendToFile!(harnessLogFile, Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8'));
    if (appended.notRead) incidents.push(`the file input does not read it: ${appended.notRead}`);
    events.push(...appended.events);
    const finished = stage.finish!();
    events.push(...finished.events);
    incidents.push(...finished.pending);
  }
  events.forEach((e, i) => (e.seq = i));
  return { events, incidents };
}

/** Netty's AdaptiveRecvByteBufAllocator on a stream that is all there: 2048, then +4 steps per full read. */
function* nettyReads(stream: Buffer): Generator<{ chunk: Buffer; end: number }> {
  const sizes = [2048, 32768, 65536];
  let offset = 0;
  let step = 0;
  while (offset < stream.length) {
    const end = Math.min(stream.length, offset + sizes[Math.min(step, sizes.length - 1)]!);
    yield { chunk: stream.subarray(offset, end), end };
    offset = end;
    step++;
  }
}
