import { describe, expect, it } from 'vitest';
import { MetricsUsageError } from './label-values.js';
import { RouteTable } from './route-table.js';

describe('RouteTable', () => {
  const table = new RouteTable(['/', '/api/timelines', '/api/timelines/:id', '/api/timelines/:id/events/:eventId', '/static/*']);

  it.each([
    ['/', '/'],
    ['/api/timelines', '/api/timelines'],
    ['/api/timelines/', '/api/timelines'],
    ['/api/timelines?page=2', '/api/timelines'],
    ['/api/timelines/42', '/api/timelines/:id'],
    ['/api/timelines/42#top', '/api/timelines/:id'],
    ['/api/timelines/a%20b/events/9', '/api/timelines/:id/events/:eventId'],
    ['/static', '/static/*'],
    ['/static/css/site.css', '/static/*'],
  ])('matches %s to %s', (url, template) => {
    expect(table.match(url)).toBe(template);
  });

  it.each(['/api', '/api/timelines/42/events', '/api/timelines//', '/staticfile', '/API/timelines'])('matches nothing for %s', (url) => {
    expect(table.match(url)).toBeUndefined();
  });

  it('lets the first matching template win, as Express does', () => {
    expect(new RouteTable(['/a/new', '/a/:id']).match('/a/new')).toBe('/a/new');
    expect(new RouteTable(['/a/:id', '/a/new']).match('/a/new')).toBe('/a/:id');
  });

  it('treats regex characters in a template literally', () => {
    const dotted = new RouteTable(['/v1.0/items']);
    expect(dotted.match('/v1.0/items')).toBe('/v1.0/items');
    expect(dotted.match('/v1x0/items')).toBeUndefined();
  });

  it.each([
    [['api'], 'route template "api" (index 0) must be a string that starts with "/"'],
    [['/a', 7], 'route template 7 (index 1) must be a string that starts with "/"'],
    [['/a/:'], 'segment ":" is neither a literal, a parameter like ":id", nor a final "*"'],
    [['/a/*/b'], 'segment "*" is neither a literal'],
    [['/a/'], 'route template "/a/" (index 0): segment "" is neither'],
    [['/a', '/a'], 'route template "/a" is listed twice (index 1); remove one'],
  ])('rejects %j, naming the template', (templates, message) => {
    expect(() => new RouteTable(templates as string[])).toThrow(MetricsUsageError);
    expect(() => new RouteTable(templates as string[])).toThrow(message);
  });

  it('rejects a non-array', () => {
    expect(() => new RouteTable('/a' as never)).toThrow('RouteTable: expected an array of route templates such as ["/api/timelines/:id"], got "/a"');
  });
});
