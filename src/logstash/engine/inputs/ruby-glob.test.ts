import { describe, expect, it } from 'vitest';
import { dirGlobMatches, fnmatch } from './ruby-glob.js';

describe('Ruby Dir.glob / File.fnmatch', () => {
  it('finds the files of the pipeline path globs', () => {
    expect(dirGlobMatches('/var/log/*', '/var/log/syslog')).toBe(true);
    expect(dirGlobMatches('/var/log/*', '/var/log/timetable/harness.log')).toBe(false);
    expect(dirGlobMatches('/var/log/**/*.log', '/var/log/timetable/harness.log')).toBe(true);
    expect(dirGlobMatches('/var/log/**/*.log', '/var/log/x.log')).toBe(true);
    expect(dirGlobMatches('/var/log/**/*.log', '/var/log/.hidden/x.log')).toBe(false);
    expect(dirGlobMatches('/var/log/*', '/var/log/.x')).toBe(false);
  });
  it('excludes by basename', () => {
    expect(fnmatch('*.[0-9]', 'syslog.1')).toBe(true);
    expect(fnmatch('*.gz', 'harness.log')).toBe(false);
    expect(fnmatch('wtmp', 'wtmp')).toBe(true);
  });
});
