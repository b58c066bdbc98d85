// @stacks jruby
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { fixedTimestamp } from './jruby-wire-events.js';
import { parseJackson } from '../../src/logstash/engine/json-parse.js';
import { LsBigDecimal, type LsMap } from '../../src/logstash/engine/value.js';
import { unwire } from '../../src/logstash/engine/wire.js';

// Each case runs Ruby against the stand-in's LogStash::Event and records what happened in
// [r] (a value, or "Class: message" of what it raised). The expected texts are logstash-core
// 8.17.4's (file:line in the comments).
const probe = `
begin
  event.set('[r]', (eval(event.get('[@metadata][code]')).to_s))
rescue => e
  event.set('[r]', "#{e.class}: #{e.message}")
end`;

let client: JrubyClient | undefined;
async function run(ctx: TestContext, code: string, data = '{"s":"text","n":5,"f":5.0}'): Promise<string> {
  client ??= (await requireJruby(ctx)).client;
  await client.load('probe', { code: probe });
  const wire = `{"data":${data.replace(/}$/, `,"@timestamp":{"\\u0000timestamp":"${fixedTimestamp}"}}`)},"metadata":{"code":${JSON.stringify(code)}}}`;
  const result = await client.filter('probe', [wire]);
  expect(result.inputs[0]!.exception).toBeUndefined();
  return JSON.parse(result.outputs[0]!.event).data.r;
}
afterAll(() => client?.close());

describe("LogStash::Event on the JRuby stand-in: logstash-core 8.17.4's rules", () => {
  it.for([
    ['[a', 'RuntimeError: Invalid FieldReference: `[a`'],
    ['a[b]', 'RuntimeError: Invalid FieldReference: `a[b]`'],
    ['[]', 'RuntimeError: Invalid FieldReference: `[]`'],
    ['[a]b', 'RuntimeError: Invalid FieldReference: `[a]b`'],
  ])('an illegal field reference %s raises (FieldReference.java:335, JrubyEventExtLibrary.java:332-337)', async ([ref, expected], ctx) => {
    expect(await run(ctx, `event.get(${JSON.stringify(ref)})`)).toBe(expected);
    expect(await run(ctx, `event.set(${JSON.stringify(ref)}, 1)`)).toBe(expected);
  });

  it('legal references: bare names, nested brackets, [@metadata]', async (ctx) => {
    expect(await run(ctx, `event.set('[x][y]', 1); [event.get('[x][y]'), event.get('[[x]][y]'), event.get('s'), event.include?('[@metadata][code]')].inspect`)).toBe('[1, 1, "text", true]');
  });

  it('setting a child of a scalar raises with the message of Accessors.java:103-114', async (ctx) => {
    expect(await run(ctx, `event.set('[s][x]', 'v')`)).toBe(
      "Java::OrgLogstash::Accessors::InvalidFieldSetException: Could not set field 'x' on object 'text' to value 'v'.This is probably due to trying to set a field like [foo][bar] = someValuewhen [foo] is not either a map or a string",
    );
  });

  it('tags accept only a string or strings (Event.java:200-238)', async (ctx) => {
    expect(await run(ctx, `event.set('tags', 5)`)).toBe(
      "Java::OrgLogstash::Event::InvalidTagsTypeException: Could not set the reserved tags field '[tags]' to value '5'. The tags field only accepts string or array of string.",
    );
    expect(await run(ctx, `event.tag('a'); event.tag('b'); event.tag('a'); event.get('tags').inspect`)).toBe('["a", "b"]');
  });

  it('a value no converter takes raises MissingConverterException (Valuefier.java:95-104)', async (ctx) => {
    expect(await run(ctx, `event.set('x', 1..2)`)).toBe('Java::OrgLogstash::MissingConverterException: Missing Converter handling for full class name=org.jruby.RubyRange, simple name=RubyRange');
  });

  it('integers and floats stay apart, both ways', async (ctx) => {
    expect(await run(ctx, `[event.get('n').class, event.get('f').class].inspect`)).toBe('[Integer, Float]');
    const client2 = client!;
    await client2.load('types', { code: `event.set('i', 12345678901234567890); event.set('g', 1.0e20); event.set('h', 2.0); event.set('sym', :abc); event.set('nan', Float::NAN)` });
    const out = (await client2.filter('types', [`{"data":{"@timestamp":{"\\u0000timestamp":"${fixedTimestamp}"}},"metadata":{}}`])).outputs[0]!.event;
    expect(out).toContain('"i":12345678901234567890');
    expect(out).toMatch(/"g":1\.0e\+?20/);
    expect(out).toContain('"h":2.0');
    expect(out).toContain('"sym":"abc"');
    expect(out).toContain('"nan":{"\\u0000float":"NaN"}');
  });

  it('BigDecimal crosses the wire exactly, both ways: {"\\u0000bigdecimal": its BigDecimal.toString}', async (ctx) => {
    // The json filter reads floats as BigDecimal (JrJackson), so ruby filters see BigDecimals:
    // their class, digits and scale must survive the trip into JRuby and back.
    const data = '{"p":{"\\u0000bigdecimal":"12.50"},"z":{"\\u0000bigdecimal":"0.000"},"e":{"\\u0000bigdecimal":"1.5E+3"},"big":{"\\u0000bigdecimal":"123456789012345678901234567890.123456789"}}';
    const seen = await run(ctx, `%w[p z e big].map { |k| v = event.get(k); "#{v.class} #{v.to_java.toString}" }.inspect`, data);
    expect(seen).toBe('["BigDecimal 12.50", "BigDecimal 0.000", "BigDecimal 1.5E+3", "BigDecimal 123456789012345678901234567890.123456789"]');
    await client!.load('decimals', { code: `event.set('sum', event.get('p') + BigDecimal('0.25')); t = BigDecimal('1') / 8; event.set('third', t); event.set('third_text', t.to_java.toString)` });
    const wire = `{"data":${data.replace(/}$/, `,"@timestamp":{"\\u0000timestamp":"${fixedTimestamp}"}}`)},"metadata":{}}`;
    const out = unwire(parseJackson((await client!.filter('decimals', [wire])).outputs[0]!.event)!) as LsMap;
    const decimals = Object.fromEntries(
      ['p', 'z', 'e', 'big', 'sum', 'third'].map((k) => {
        const v = (out.data as LsMap)[k];
        return [k, v instanceof LsBigDecimal ? v.toString() : `not a BigDecimal: ${String(v)}`];
      }),
    );
    // JRuby's division keeps its own scale (0.125000…): whatever Ruby made arrives as Ruby printed it
    expect(decimals).toEqual({ p: '12.50', z: '0.000', e: '1.5E+3', big: '123456789012345678901234567890.123456789', sum: '12.75', third: (out.data as LsMap).third_text });
    expect(decimals.third).toMatch(/^0\.1250*$/);
  });

  it('timestamps round-trip with nanoseconds, and Time becomes a LogStash::Timestamp', async (ctx) => {
    expect(await run(ctx, `[event.timestamp.to_s, event.timestamp.nsec, event.get('@timestamp').class].inspect`)).toBe(`["${fixedTimestamp}", 123456789, LogStash::Timestamp]`);
    expect(await run(ctx, `event.set('t', Time.at(0)); event.get('t').inspect`)).toBe('1970-01-01T00:00:00.000Z');
    expect(await run(ctx, `event.set('@timestamp', 'x')`)).toBe('TypeError: wrong argument type String (expected LogStash::Timestamp)');
  });

  it('get gives copies of hashes and arrays, the same string object', async (ctx) => {
    expect(await run(ctx, `event.set('h', {'a' => 1}); event.get('h')['a'] = 2; event.get('s') << '!'; [event.get('h'), event.get('s')].inspect`)).toBe('[{"a"=>1}, "text!"]');
  });

  it('sprintf: fields, a missing one left literal, Joda dates in UTC', async (ctx) => {
    expect(await run(ctx, `event.sprintf('%{s} %{n} %{f} %{missing} %{+YYYY.MM.dd} %{+%s}')`)).toBe('text 5 5.0 %{missing} 2026.11.26 1795680000');
  });

  it('a clone is not cancelled (Event.java:390-396); to_hash leaves [@metadata] out', async (ctx) => {
    expect(
      await run(ctx, `c = event.clone; c.cancel; [c.cancelled?, c.clone.cancelled?, event.cancelled?, event.to_hash.key?('@metadata'), event.to_hash_with_metadata.key?('@metadata')].inspect`),
    ).toBe('[true, false, false, false, true]');
  });
});
