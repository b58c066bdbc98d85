import { describe, expect, it } from 'vitest';
import { describeJruby, jrubyVersionOfImage, readyLine } from './jruby-versions.js';

const choice = { engine: 'jruby' as const, image: 'local/jruby:9.4.8.0-ds-3', pinned: 'jruby:9.4.9.0-jdk21', source: '.env.images (HARNESS_IMAGE_JRUBY)' as const };

describe('JRuby versions', () => {
  it('reads the JRuby version from an image tag', () => {
    expect(jrubyVersionOfImage('jruby:9.4.9.0-jdk21')).toBe('9.4.9.0');
    expect(jrubyVersionOfImage('jruby:latest')).toBeUndefined();
  });

  it('reports a stand-in of another patch release, never silently', () => {
    const text = describeJruby('image local/jruby:9.4.8.0-ds-3', { jruby: '9.4.8.0', ruby: '3.1.4', java: '21.0.13' }, choice);
    expect(text).toBe(
      'JRuby 9.4.8.0 (Ruby 3.1.4, Java 21.0.13) via image local/jruby:9.4.8.0-ds-3 stands in for the pinned jruby:9.4.9.0-jdk21 (JRuby 9.4.9.0, the one Logstash 8.17.4 bundles): same line, a different patch release.',
    );
    expect(describeJruby('x', { jruby: '10.0.0.0', ruby: '3.4', java: '21' }, choice)).toContain('A DIFFERENT LINE');
    expect(describeJruby('x', { jruby: '9.4.9.0', ruby: '3.1.4', java: '21' }, choice)).toContain('the pinned version');
  });

  it('parses the ready line the server prints', () => {
    expect(readyLine.exec('logstash-jruby-standin ready port=7100 jruby=9.4.8.0 ruby=3.1.4 java=21.0.13')?.slice(1)).toEqual(['7100', '9.4.8.0', '3.1.4', '21.0.13']);
  });
});
