// @stacks jruby
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/sources/repo-files.js';
import { parseConfig } from '../../src/logstash/parser/parse-config.js';
import { attribute, pluginSites, scalarText } from '../../src/logstash/walk.js';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { wireEvent } from './jruby-wire-events.js';

const pipelineFile = 'monitoring/logstash/pipeline/logstash.conf';
const config = parseConfig(pipelineFile, readFileSync(repoPath(pipelineFile), 'utf8'));
const inline = pluginSites([config]).filter((s) => s.plugin.name === 'ruby' && attribute(s.plugin, 'code'));

const clients: JrubyClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

describe(`the inline ruby code of ${pipelineFile}, on JRuby`, () => {
  it('the pipeline has the inline filter these tests drive', () => {
    expect(inline.map((s) => scalarText(attribute(s.plugin, 'id')?.value))).toEqual(['epoch_seconds_to_ms', 'ecs_objects_from_strings']);
  });

  it('ecs_objects_from_strings: scalars become objects (tagged unless a string service/host/user/event), nil and objects stay (audit 2.5)', async (ctx) => {
    const { client } = await requireJruby(ctx);
    clients.push(client);
    const site = inline.find((s) => scalarText(attribute(s.plugin, 'id')?.value) === 'ecs_objects_from_strings')!;
    const code = scalarText(attribute(site.plugin, 'code')!.value)!;
    const loaded = await client.load(`ecs@${pipelineFile}:${site.plugin.pos.line}`, { code });
    expect(loaded.loaded, JSON.stringify(loaded)).toBe(true);
    const result = await client.filter(`ecs@${pipelineFile}:${site.plugin.pos.line}`, [
      wireEvent({ message: 'a', service: 'api', host: 'web-1', user: 'ann', event: 'login' }),
      wireEvent({ message: 'b', service: { name: 'api' }, host: 42, user: null }),
    ]);
    expect(result.inputs.map((i) => [i.matched, i.exception])).toEqual([
      [true, undefined],
      [true, undefined],
    ]);
    const [first, second] = result.outputs.map((o) => JSON.parse(o.event).data);
    expect([first.service, first.host, first.user, first.event]).toEqual([{ name: 'api' }, { name: 'web-1' }, { name: 'ann' }, { action: 'login' }]);
    expect(first.tags).toBeUndefined();
    expect([second.service, second.host, second.user, 'event' in second, second.tags]).toEqual([{ name: 'api' }, { name: '42' }, null, false, ['_ecs_scalar_moved']]);
  });
});
