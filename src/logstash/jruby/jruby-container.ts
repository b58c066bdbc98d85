import type { EngineNetwork, EngineSpec } from '../../engines/engine.js';
import { javaSources, rubySources } from './ruby-sources.js';
import { readyLine, type RunningVersions } from './jruby-versions.js';
import type { Address } from './ndjson-connection.js';

const home = '/opt/logstash-standin';

/**
 * What makes a JVM start fast here (measured, see bench/jruby.ts): no RubyGems, no
 * invokedynamic, C1 only, the serial collector (the stand-in image's class-data archive was
 * written with it).
 */
export const jrubyOptions = ['--disable-gems', '-Xcompile.invokedynamic=false'];
export const javaOptions = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss2048k'];
const port = 7100;

/**
 * The JRuby stand-in as a container: the pinned image (or its Debian stand-in, images/jruby)
 * with the Ruby sources copied in at start, so editing them needs no image rebuild.
 */
export function jrubySpec(): EngineSpec {
  return {
    engine: 'jruby',
    name: 'jruby',
    ports: [port],
    // The official image has no entrypoint of ours: name jruby and the fast-start flags here.
    entrypoint: ['jruby'],
    command: [`${home}/ruby/server.rb`, '--port', String(port)],
    env: { JRUBY_OPTS: jrubyOptions.join(' '), JAVA_OPTS: javaOptions.join(' '), LOGSTASH_STANDIN_JAVA_SRC: `${home}/java` },
    files: [...rubySources().map((f) => ({ target: `${home}/ruby/${f.path}`, content: f.content })), ...javaSources().map((f) => ({ target: `${home}/java/${f.path}`, content: f.content }))],
    ready: { log: readyLine },
    // A JVM start takes seconds on an idle machine; with a load average of 100+ on 2 cores
    // (seen here while others ran stress tests) it took over 4 minutes.
    startupTimeoutMs: 480_000,
  };
}

export async function startJrubyContainer(network: EngineNetwork): Promise<{ address: Address; via: string; versions: RunningVersions; stop(): Promise<void> }> {
  const engine = await network.start(jrubySpec());
  const match = readyLine.exec(await engine.logs());
  if (!match) throw new Error(`the JRuby container (${engine.image}) is ready but printed no "${readyLine.source}" line`);
  const url = new URL(engine.url(port));
  return {
    address: { host: url.hostname, port: Number(url.port) },
    via: `image ${engine.image}`,
    versions: { jruby: match[2]!, ruby: match[3]!, java: match[4]! },
    stop: () => engine.stop(),
  };
}
