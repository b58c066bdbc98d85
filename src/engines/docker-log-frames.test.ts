import { describe, expect, it } from 'vitest';
import { demuxDockerLogs } from './docker-log-frames.js';

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('demuxDockerLogs', () => {
  it('joins stdout and stderr frames in order', () => {
    const buffer = Buffer.concat([frame(1, 'level=info msg=start\n'), frame(2, 'level=error msg=bad\n')]);
    expect(demuxDockerLogs(buffer)).toBe('level=info msg=start\nlevel=error msg=bad\n');
  });
  it('passes plain TTY output through', () => {
    expect(demuxDockerLogs(Buffer.from('hello world, no frames here\n'))).toBe('hello world, no frames here\n');
  });
});
