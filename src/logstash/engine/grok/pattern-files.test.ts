import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { corePatterns } from './pattern-files.js';

describe('the core patterns the engine models', () => {
  it('are the ECS ones the syslog input names, with ECS field names', () => {
    expect(corePatterns('ecs-v1').get('SYSLOGPROG')).toBe('%{PROG:[process][name]}(?:\\[%{POSINT:[process][pid]:int}\\])?');
    expect(corePatterns('ecs-v1').has('SYSLOGLINE')).toBe(true);
  });

  it('refuse the legacy set (ecs_compatibility disabled) as unmodelled, not as empty', () => {
    expect(() => corePatterns('legacy')).toThrow(UnmodelledError);
  });
});
