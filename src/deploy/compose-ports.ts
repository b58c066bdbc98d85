import { ConfigError } from '../sources/config-error.js';

/** One published or exposed port of a compose service. */
export interface ComposePort {
  /** The port inside the container. */
  container: number;
  protocol: 'tcp' | 'udp';
  /** The host side, when published. */
  published?: number;
  hostIp?: string;
}

/**
 * The ports of a compose service, from `ports` (short `[ip:]host:container[/proto]` or long
 * syntax) and `expose`. Ranges are not used in this stack, so one is an error, not a guess.
 */
export function composePorts(service: Record<string, unknown>, file: string, line?: number): ComposePort[] {
  const result: ComposePort[] = [];
  for (const entry of asList(service.ports)) {
    if (typeof entry === 'object' && entry !== null) {
      const long = entry as { target?: unknown; published?: unknown; protocol?: unknown; host_ip?: unknown };
      result.push({
        container: toPort(long.target, file, line),
        protocol: long.protocol === 'udp' ? 'udp' : 'tcp',
        published: long.published === undefined ? undefined : toPort(long.published, file, line),
        hostIp: typeof long.host_ip === 'string' ? long.host_ip : undefined,
      });
      continue;
    }
    const [spec, proto] = String(entry).split('/');
    const parts = spec!.split(':');
    const container = parts.pop()!;
    const published = parts.pop();
    const hostIp = parts.length ? parts.join(':') : undefined;
    result.push({
      container: toPort(container, file, line),
      protocol: proto === 'udp' ? 'udp' : 'tcp',
      published: published === undefined || published === '' ? undefined : toPort(published, file, line),
      hostIp,
    });
  }
  for (const entry of asList(service.expose)) {
    const [port, proto] = String(entry).split('/');
    result.push({ container: toPort(port, file, line), protocol: proto === 'udp' ? 'udp' : 'tcp' });
  }
  return result;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function toPort(value: unknown, file: string, line?: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ConfigError(file, `"${String(value)}" is not a single port number`, 'write one port (1-65535); port ranges are not supported by the deploy checks', line);
  }
  return n;
}
