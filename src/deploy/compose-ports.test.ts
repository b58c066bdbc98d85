import { describe, expect, it } from 'vitest';
import { ConfigError } from '../sources/config-error.js';
import { composePorts } from './compose-ports.js';

describe('composePorts', () => {
  it('reads short syntax with host IP, protocol, and container-only entries', () => {
    expect(composePorts({ ports: ['127.0.0.1:9090:9090', '5140:5140/udp', '3001:3000', '8080'] }, 'f.yml')).toEqual([
      { container: 9090, protocol: 'tcp', published: 9090, hostIp: '127.0.0.1' },
      { container: 5140, protocol: 'udp', published: 5140, hostIp: undefined },
      { container: 3000, protocol: 'tcp', published: 3001, hostIp: undefined },
      { container: 8080, protocol: 'tcp', published: undefined, hostIp: undefined },
    ]);
  });

  it('reads long syntax and expose', () => {
    expect(composePorts({ ports: [{ target: 9093, published: '19093', protocol: 'tcp' }], expose: ['9104'] }, 'f.yml')).toEqual([
      { container: 9093, protocol: 'tcp', published: 19093, hostIp: undefined },
      { container: 9104, protocol: 'tcp' },
    ]);
  });

  it('rejects a range with the file and line, rather than guessing', () => {
    expect(() => composePorts({ ports: ['9000-9010:9000-9010'] }, 'monitoring/x.yml', 7)).toThrow(ConfigError);
    expect(() => composePorts({ ports: ['9000-9010:9000-9010'] }, 'monitoring/x.yml', 7)).toThrow(/monitoring\/x\.yml:7: "9000-9010" is not a single port number/);
  });
});
