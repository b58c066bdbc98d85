import type { PipelineConfig } from './parser/ast.js';
import { attribute, pluginSites, scalarText, withEnvDefaults } from './walk.js';

export interface InputPort {
  port: number;
  protocol: 'tcp' | 'udp';
  /** The input that listens, e.g. `syslog (in_syslog)`. */
  input: string;
  file: string;
  line: number;
}

/**
 * Which transport each network input listens on, from its documentation: syslog opens TCP
 * and UDP on one port (default 514); tcp, beats and http are TCP; udp is UDP.
 */
const transports: Record<string, { protocols: ('tcp' | 'udp')[]; defaultPort?: number }> = {
  tcp: { protocols: ['tcp'] },
  udp: { protocols: ['udp'] },
  syslog: { protocols: ['tcp', 'udp'], defaultPort: 514 },
  beats: { protocols: ['tcp'] },
  http: { protocols: ['tcp'], defaultPort: 8080 },
};

/** The ports the inputs of some configs listen on (`${VAR:default}` read as its default). */
export function inputPorts(configs: readonly PipelineConfig[]): InputPort[] {
  const ports: InputPort[] = [];
  for (const site of pluginSites(configs)) {
    const transport = transports[site.plugin.name];
    if (site.kind !== 'input' || !transport) continue;
    const written = attribute(site.plugin, 'port');
    const text = scalarText(written?.value);
    const port = text !== undefined ? Number(withEnvDefaults(text)) : transport.defaultPort;
    if (port === undefined || !Number.isInteger(port)) continue;
    const idText = scalarText(attribute(site.plugin, 'id')?.value);
    for (const protocol of transport.protocols) {
      ports.push({ port, protocol, input: idText ? `${site.plugin.name} (${idText})` : site.plugin.name, file: site.config.file, line: (written ?? site.plugin).pos.line });
    }
  }
  return ports;
}

export function portLabel(p: { port: number; protocol: string }): string {
  return `${p.port}/${p.protocol}`;
}
