import type { ImageChoice } from '../../engines/image-pins.js';

/** `jruby:9.4.9.0-jdk21` → `9.4.9.0`. */
export function jrubyVersionOfImage(image: string): string | undefined {
  return /:(\d+\.\d+\.\d+\.\d+)/.exec(image)?.[1];
}

/** The line the stand-in prints when it listens (ruby/server.rb). */
export const readyLine = /logstash-jruby-standin ready port=(\d+) jruby=(\S+) ruby=(\S+) java=(\S+)/;

export interface RunningVersions {
  jruby: string;
  ruby: string;
  java: string;
}

/**
 * One sentence for the run's output: which JRuby runs the pipeline's Ruby code, against the
 * pinned one. A different release is reported, never silent.
 */
export function describeJruby(via: string, running: RunningVersions, choice: ImageChoice): string {
  const pinned = jrubyVersionOfImage(choice.pinned) ?? 'unknown';
  const runs = `JRuby ${running.jruby} (Ruby ${running.ruby}, Java ${running.java}) via ${via}`;
  if (running.jruby === pinned) return `${runs}: the pinned version (${choice.pinned}).`;
  const sameLine = running.jruby.split('.').slice(0, 2).join('.') === pinned.split('.').slice(0, 2).join('.');
  return `${runs} stands in for the pinned ${choice.pinned} (JRuby ${pinned}, the one Logstash 8.17.4 bundles): ${sameLine ? 'same line, a different patch release' : 'A DIFFERENT LINE'}.`;
}
