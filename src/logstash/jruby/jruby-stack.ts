import { imageFor } from '../../engines/image-pins.js';
import type { StackDefinition } from '../../stacks/stack.js';
import { startJrubyContainer } from './jruby-container.js';
import { describeJruby, jrubyVersionOfImage } from './jruby-versions.js';
import { findJrubyOnPath, localJrubyVersion, startLocalJruby } from './local-jruby.js';

/** What tests get (plain JSON, it crosses to the workers): where JRuby listens, and which it is. */
export interface JrubyInfo {
  host: string;
  port: number;
  /** `image local/jruby:9.4.8.0-ds-3` or `local /usr/bin/jruby`. */
  via: string;
  jruby: string;
  ruby: string;
  java: string;
  /** The pinned image and the sentence the run printed about it. */
  pinned: string;
  report: string;
}

/**
 * One long-lived JRuby for a test run. A local `jruby` on the PATH is used when it is the
 * pinned version (HARNESS_TOOL_MODE=image forbids it, `local` requires it, as for promtool);
 * otherwise the pinned image or its stand-in runs on the run's network.
 */
export const jrubyStack: StackDefinition<JrubyInfo> = {
  key: 'jruby',
  async start({ network }) {
    const choice = imageFor('jruby');
    const wanted = jrubyVersionOfImage(choice.pinned);
    const mode = process.env.HARNESS_TOOL_MODE ?? 'auto';
    const local = mode === 'image' ? undefined : findJrubyOnPath();
    let localNote = '';
    let started;
    if (local) {
      const version = await localJrubyVersion(local);
      if (version === wanted) started = await startLocalJruby(local);
      else localNote = `; the local ${local} is JRuby ${version ?? 'of unknown version'}, not the pinned ${wanted}`;
    }
    if (!started && mode === 'local') throw new Error(`HARNESS_TOOL_MODE=local, and no local jruby ${wanted} is on the PATH${localNote}`);
    started ??= await startJrubyContainer(network);
    const report = describeJruby(started.via, started.versions, choice) + localNote;
    console.log(`[jruby] ${report}`);
    return {
      info: { ...started.address, via: started.via, ...started.versions, pinned: choice.pinned, report },
      stop: started.stop,
    };
  },
};
