import { Counter, type Registry } from 'prom-client';
import { labelValue } from './label-values.js';

/** What the timetable did, counted: the numbers product people ask for. */
export interface BusinessMetrics {
  timelineCreated(): void;
  timelineUpdated(): void;
  timelineDeleted(): void;
  classCreated(): void;
  /** An event of kind `type` (e.g. "lesson", "exam") was scheduled. */
  eventScheduled(type: string): void;
  /** A request was rejected because `field` broke `rule` (e.g. "name", "required"). */
  validationFailed(field: string, rule: string): void;
}

export function createBusinessMetrics(registry: Registry): BusinessMetrics {
  const counter = (name: string, help: string) => new Counter({ name, help, registers: [registry] });
  const created = counter('timetable_timelines_created_total', 'Timelines created.');
  const updated = counter('timetable_timelines_updated_total', 'Timelines updated.');
  const deleted = counter('timetable_timelines_deleted_total', 'Timelines deleted.');
  const classes = counter('timetable_classes_created_total', 'Classes created.');
  const events = new Counter({
    name: 'timetable_events_scheduled_total',
    help: 'Events scheduled, by event type.',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const validation = new Counter({
    name: 'timetable_validation_errors_total',
    help: 'Requests rejected by validation, by field and the rule that failed.',
    labelNames: ['field', 'rule'] as const,
    registers: [registry],
  });

  return {
    timelineCreated: () => created.inc(),
    timelineUpdated: () => updated.inc(),
    timelineDeleted: () => deleted.inc(),
    classCreated: () => classes.inc(),
    eventScheduled(type) {
      events.inc({ type: labelValue('eventScheduled', 'type', type, 'pass the kind of event ("lesson", "exam"), never its title or id') });
    },
    validationFailed(field, rule) {
      validation.inc({
        field: labelValue('validationFailed', 'field', field, 'pass the field\'s name ("startTime"), never the value that failed'),
        rule: labelValue('validationFailed', 'rule', rule, 'pass the rule\'s name ("required", "maxLength"), never the error message'),
      });
    },
  };
}
