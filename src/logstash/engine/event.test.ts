import { describe, expect, it } from 'vitest';
import { Event, InvalidTagsTypeError, TimestampTypeError, type EventEnvironment } from './event.js';
import { FieldReferenceError, InvalidFieldSetError } from './event-errors.js';
import type { LogLine } from './plugin-log.js';
import { LsTimestamp, newMap, type LsValue } from './value.js';

const now = LsTimestamp.parseInstant('2026-11-26T08:00:00Z');
function env(log: LogLine[] = []): EventEnvironment {
  return { now: () => now, log: (l) => log.push(l) };
}
const event = (fields: [string, LsValue][] = [], log: LogLine[] = []) => Event.fromMap(newMap(fields), env(log));

// Behaviour of logstash-core v8.17.4 Event.java / Accessors.java / JrubyEventExtLibrary.java.
describe('Event construction (Event.java:97-129)', () => {
  it('adds @version "1" and the current time', () => {
    const e = event();
    expect(e.get('@version')).toBe('1');
    expect(e.timestamp).toEqual(now);
  });
  it('lifts a @metadata hash out of the data', () => {
    const e = event([
      ['@metadata', newMap([['input', 'file']])],
      ['a', 1n],
    ]);
    expect(e.get('[@metadata][input]')).toBe('file');
    expect(Object.keys(e.toHash())).not.toContain('@metadata');
  });
  it('reads a string @timestamp leniently; an unreadable one tags and keeps the original', () => {
    expect(event([['@timestamp', '2026-11-26T23:30:00-05:00']]).timestamp.toString()).toBe('2026-11-27T04:30:00.000Z');
    const log: LogLine[] = [];
    const bad = event([['@timestamp', 'yesterday']], log);
    expect(bad.get('tags')).toEqual(['_timestampparsefailure']);
    expect(bad.get('_@timestamp')).toBe('yesterday');
    expect(bad.timestamp).toEqual(now);
    expect(log[0]).toMatchObject({ level: 'warn', logger: 'org.logstash.Event', message: 'Error parsing @timestamp string value=yesterday' });
    const number = event([['@timestamp', 5n]], log);
    expect(number.get('_@timestamp')).toBe(5n);
    expect(log[1]!.message).toBe('Unrecognized @timestamp value type=class org.jruby.RubyFixnum');
  });
  it('renames illegal [tags] to [_tags] and tags _tagsparsefailure', () => {
    const e = event([['tags', newMap([['a', 'b']])]]);
    expect(e.get('tags')).toEqual(['_tagsparsefailure']);
    expect(e.get('_tags')).toEqual([newMap([['a', 'b']])]);
  });
});

describe('field access (Accessors.java)', () => {
  it('gets nested and array fields, negative indices from the end', () => {
    const e = event([['a', newMap([['b', ['x', 'y']]])]]);
    expect(e.get('[a][b][0]')).toBe('x');
    expect(e.get('[a][b][-1]')).toBe('y');
    expect(e.get('[a][b][5]')).toBeUndefined();
    expect(e.get('[a][c][d]')).toBeUndefined();
  });
  it('creates hashes on the way when setting', () => {
    const e = event();
    e.set('[log][file][path]', '/var/log/x.log');
    expect(e.get('log')).toEqual(newMap([['file', newMap([['path', '/var/log/x.log']])]]));
  });
  it('setting a child of a string throws "Could not set field ..." with both values', () => {
    const e = event([['url', '/export?token=S']]);
    expect(() => e.set('[url][original]', '/export?token=S')).toThrow(InvalidFieldSetError);
    expect(() => e.set('[url][original]', 'v')).toThrow(
      "Could not set field 'original' on object '/export?token=S' to value 'v'.This is probably due to trying to set a field like [foo][bar] = someValuewhen [foo] is not either a map or a string",
    );
  });
  it('setting past the end of an array pads with nil; a non-numeric key on an array does nothing', () => {
    const e = event([['a', ['x']]]);
    e.set('[a][3]', 'y');
    expect(e.get('a')).toEqual(['x', null, null, 'y']);
    e.set('[a][k]', 'z');
    expect(e.get('a')).toEqual(['x', null, null, 'y']);
  });
  it('includes: a key holding nil exists; a nil array element does not', () => {
    const e = event([
      ['n', null],
      ['a', [null, 'x']],
    ]);
    expect(e.includes('n')).toBe(true);
    expect(e.includes('[a][0]')).toBe(false);
    expect(e.includes('[a][1]')).toBe(true);
    expect(e.includes('[@metadata]')).toBe(true);
  });
  it('get hands out copies; set stores copies', () => {
    const e = event([['a', ['x']]]);
    (e.get('a') as LsValue[]).push('y');
    expect(e.get('a')).toEqual(['x']);
    const mine: LsValue[] = ['1'];
    e.set('b', mine);
    mine.push('2');
    expect(e.get('b')).toEqual(['1']);
  });
  it('illegal references throw FieldReferenceError', () => {
    expect(() => event().get('a[b]')).toThrow(FieldReferenceError);
  });
  it('remove returns the removed value', () => {
    const e = event([['a', newMap([['b', 1n]])]]);
    expect(e.remove('[a][b]')).toBe(1n);
    expect(e.get('a')).toEqual(newMap());
    expect(e.remove('[a][b]')).toBeUndefined();
  });
});

describe('reserved fields from Ruby (JrubyEventExtLibrary.java:117-129, Event.java:203-236)', () => {
  it('@timestamp only takes a LogStash::Timestamp', () => {
    expect(() => event().set('@timestamp', '2026-01-01')).toThrow(TimestampTypeError);
    expect(() => event().set('@timestamp', '2026-01-01')).toThrow('wrong argument type String (expected LogStash::Timestamp)');
  });
  it('[tags] only takes a string or strings, and no child', () => {
    expect(() => event().set('tags', [1n])).toThrow(InvalidTagsTypeError);
    expect(() => event().set('[tags][0]', 'x')).toThrow("Could not set the reserved tags field '[tags][0]' to value 'x'. The tags field only accepts string or array of string.");
  });
  it('tag appends once, turning a string into a list', () => {
    const e = event([['tags', 'a']]);
    e.tag('b');
    e.tag('b');
    expect(e.get('tags')).toEqual(['a', 'b']);
  });
});

describe('clone and cancel', () => {
  it('clone is deep and keeps metadata', () => {
    const e = event([
      ['@metadata', newMap([['m', '1']])],
      ['a', ['x']],
    ]);
    const c = e.clone();
    c.set('[a][1]', 'y');
    expect(e.get('a')).toEqual(['x']);
    expect(c.get('[@metadata][m]')).toBe('1');
  });
  it('cancel marks the event', () => {
    const e = event();
    e.cancel();
    expect(e.cancelled).toBe(true);
  });
});
