import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createBusinessMetrics } from './business-metrics.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';

function setup() {
  const registry = new Registry();
  return { registry, business: createBusinessMetrics(registry) };
}

describe('business counters', () => {
  it('count timelines, classes, events by type and validation failures by field and rule', async () => {
    const { registry, business } = setup();
    business.timelineCreated();
    business.timelineCreated();
    business.timelineUpdated();
    business.timelineDeleted();
    business.classCreated();
    business.eventScheduled('lesson');
    business.eventScheduled('exam');
    business.eventScheduled('lesson');
    business.validationFailed('startTime', 'required');
    const families = await readRegistry(registry);
    expect(sampleValue(families, 'timetable_timelines_created_total')).toBe(2);
    expect(sampleValue(families, 'timetable_timelines_updated_total')).toBe(1);
    expect(sampleValue(families, 'timetable_timelines_deleted_total')).toBe(1);
    expect(sampleValue(families, 'timetable_classes_created_total')).toBe(1);
    expect(sampleValue(families, 'timetable_events_scheduled_total', { type: 'lesson' })).toBe(2);
    expect(sampleValue(families, 'timetable_events_scheduled_total', { type: 'exam' })).toBe(1);
    expect(sampleValue(families, 'timetable_validation_errors_total', { field: 'startTime', rule: 'required' })).toBe(1);
  });

  it.each([
    [() => setup().business.eventScheduled('Maths with Mrs Smith'), 'eventScheduled: type "Maths with Mrs Smith" is not a bare word', 'never its title or id'],
    [() => setup().business.validationFailed('startTime', 'must be before 18:00'), 'validationFailed: rule "must be before 18:00" is not a bare word', 'never the error message'],
    [() => setup().business.validationFailed(42 as never, 'required'), 'validationFailed: field must be a string, got 42', "pass the field's name"],
  ])('rejects label values that would mint a series per call (%#)', (call, message, hint) => {
    expect(call).toThrow(message);
    expect(call).toThrow(hint);
  });
});
