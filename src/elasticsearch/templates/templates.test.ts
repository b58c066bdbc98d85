import { describe, expect, it } from 'vitest';
import { builtInTemplates } from './built-in-templates.js';
import { parseComposableTemplate } from './composable-template.js';
import { patternsOverlap, simpleMatch } from './index-pattern.js';
import { validateTemplatePutJson } from './put-template-json.js';
import { findV2Template } from './resolve-template.js';
import { validateTemplatePut } from './validate-template-put.js';

const t = (index_patterns: string[], priority?: number, dataStream = false) =>
  parseComposableTemplate({ index_patterns, ...(priority !== undefined ? { priority } : {}), ...(dataStream ? { data_stream: {} } : {}), template: { mappings: { date_detection: false } } }, 'test');

describe('index patterns (Regex#simpleMatch, automaton intersection)', () => {
  it('match with * over the whole name', () => {
    expect([
      simpleMatch('logs-*-*', 'logs-generic-default'),
      simpleMatch('logs-*-*', 'logs-2026.11.26'),
      simpleMatch('logs-*', 'logs-2026.11.26'),
      simpleMatch('*', ''),
      simpleMatch('a*b*a', 'aba'),
    ]).toEqual([true, false, true, true, true]);
  });

  it('overlap when one name can match both', () => {
    expect([patternsOverlap('logs-*', 'logs-*-*'), patternsOverlap('errors-*', 'logs-*-*'), patternsOverlap('egg*', 'abc'), patternsOverlap('baz', 'baz*'), patternsOverlap('a*c', '*b*')]).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('findV2Template (MetadataIndexTemplateService#findV2CandidateTemplates: highest priority wins)', () => {
  it('picks the built-in logs data stream template for two-dash names, unless a higher priority template matches', () => {
    const templates = builtInTemplates();
    expect(findV2Template(templates, 'logs-generic-default')).toBe('logs');
    expect(findV2Template(templates, 'logs-2026.11.26')).toBeUndefined();
    templates.set('timetable-logs', t(['logs-*', 'errors-*'], 200));
    expect(findV2Template(templates, 'logs-generic-default')).toBe('timetable-logs');
  });
});

describe('validateTemplatePut (MetadataIndexTemplateService#addIndexTemplateV2)', () => {
  it('refuses overlapping patterns at the same priority with the message of MetadataIndexTemplateServiceTests#testPuttingOverlappingV2Template', () => {
    const state = { templates: new Map([['foo', t(['egg*', 'baz'], 1)]]), dataStreams: [] };
    const r = validateTemplatePut(state, 'foo2', t(['abc', 'baz*'], 1));
    expect(r).toEqual({
      ok: false,
      status: 400,
      error: {
        type: 'illegal_argument_exception',
        reason:
          'index template [foo2] has index patterns [abc, baz*] matching patterns from existing templates [foo] with patterns (foo => [egg*, baz]) that have the same priority [1], multiple index templates may not match during index creation, please use a different priority',
      },
    });
    // the same test: priority 0 and an unset priority are the same (priorityOrZero)
    expect(validateTemplatePut({ templates: new Map([['foo', t(['egg*', 'baz'])]]), dataStreams: [] }, 'foo2', t(['abc', 'baz*'], 0)).ok).toBe(false);
  });

  it('refuses a template that would take data streams away from their data stream template (the logs2 / logs-my*-* case of MetadataIndexTemplateServiceTests)', () => {
    const state = { templates: new Map([['logs', t(['logs-*-*'], 100, true)]]), dataStreams: ['unreferenced', 'logs-mysql-default'] };
    expect(validateTemplatePut(state, 'logs2', t(['logs-my*-*'], 105))).toMatchObject({
      ok: false,
      error: {
        reason:
          'composable template [logs2] with index patterns [logs-my*-*], priority [105] and no data stream configuration would cause data streams [unreferenced, logs-mysql-default] to no longer match a data stream template',
      },
    });
    expect(validateTemplatePut(state, 'logs2', t(['logs-postgres-*'], 105)).ok).toBe(true);
    expect(validateTemplatePut(state, 'logs2', t(['logs-my*-*'], 105, true)).ok).toBe(true);
  });

  it('compares the data streams left without a data stream template before and after, so only a change that adds one fails', () => {
    const mine = t(['logs-*'], 200);
    const logs = t(['logs-*-*'], 100, true);
    const fresh = { templates: new Map([['logs', logs]]), dataStreams: ['logs-generic-default'] };
    expect(validateTemplatePut(fresh, 'mine', mine).ok).toBe(false);
    // once stored (say before the data stream existed), an identical PUT returns early and a changed one adds no new loss
    const stored = {
      templates: new Map([
        ['logs', logs],
        ['mine', mine],
      ]),
      dataStreams: ['logs-generic-default'],
    };
    expect(validateTemplatePut(stored, 'mine', mine)).toEqual({ ok: true, changed: false });
    expect(validateTemplatePut(stored, 'mine', t(['logs-*', 'x-*'], 200))).toEqual({ ok: true, changed: true });
  });

  it('refuses create=true for an existing name, and composed_of naming missing component templates', () => {
    const state = { templates: new Map([['mine', t(['x-*'], 1)]]), dataStreams: [] };
    expect(validateTemplatePut(state, 'mine', t(['x-*'], 1), true)).toMatchObject({ ok: false, error: { reason: 'index template [mine] already exists' } });
    const composed = parseComposableTemplate({ index_patterns: ['y-*'], composed_of: ['nope'] }, 'test');
    expect(validateTemplatePut(state, 'other', composed)).toMatchObject({ ok: false, error: { type: 'invalid_index_template_exception' } });
  });
});

describe('validateTemplatePutJson', () => {
  it('validates a body against a described state, with the built-in logs template included by default', () => {
    const body = { index_patterns: ['logs-*'], priority: 100, template: { mappings: { date_detection: false } } };
    const r = validateTemplatePutJson({}, 'mine', body);
    expect(r.ok ? '' : r.error.reason).toMatch(
      /^index template \[mine\] has index patterns \[logs-\*\] matching patterns from existing templates \[logs\] with patterns \(logs => \[logs-\*-\*\]\) that have the same priority \[100\]/,
    );
    expect(validateTemplatePutJson({ builtIns: false }, 'mine', body).ok).toBe(true);
  });
});
