import type { Event } from '../event.js';
import type { FilterPlugin } from '../filter-api.js';
import type { StageEnvironment } from '../filter-stage.js';
import { collectingLogger } from '../plugin-log.js';
import { priorityToI } from './priority-to-i.js';

export interface RelaySettings {
  field: string;
  ecs: boolean;
  priority: string;
  facility: string;
  severity: string;
  facilityLabel: string;
  severityLabel: string;
  serviceType?: string;
  useLabels: boolean;
  facilityLabels: string[];
  severityLabels: string[];
}

/**
 * syslog_relay (logstash-input-syslog v3.7.0 syslog.rb:325-363) in ECS mode:
 * 1. [event][original] = [message]; the input's grok (`<%{POSINT:[log][syslog][priority]:int}>
 *    %{SYSLOGLINE}`, overwrite message, tag _grokparsefailure_sysloginput); [service][type].
 * 2. `tags.include?(@grok_filter.tag_on_failure)` compares with an ARRAY, never true: every event
 *    takes the "parsed" branch, and an unparsed line gets `nil.to_i` = priority 0 (audit 3.2).
 * 3. priority → severity (& 7) and facility (>> 3); the date filter on [timestamp] (its patterns,
 *    the input's timezone and locale), then [timestamp] removed.
 * 4. facility and severity names from the label lists.
 */
export function syslogRelay(event: Event, s: RelaySettings, [grok, date]: readonly [FilterPlugin, FilterPlugin], env: StageEnvironment): void {
  const ctx = (name: string) => ({ matched: () => {}, logger: collectingLogger(`logstash.filters.${name}`, (l) => env.log(l)), now: env.now });
  if (s.ecs) event.set('[event][original]', event.get(s.field) ?? null);
  grok.filter(event, ctx('grok'));
  if (s.ecs && s.serviceType && !event.includes('[service][type]')) event.set('[service][type]', s.serviceType);
  const priority = priorityToI(event.get(s.priority));
  setPriority(event, s, priority);
  date.filter(event, ctx('date'));
  if (s.ecs) event.remove('timestamp');
  if (!s.useLabels) return;
  const facility = event.get(s.facility);
  const severity = event.get(s.severity);
  const facilityLabel = typeof facility === 'bigint' && facility >= 0n ? s.facilityLabels[Number(facility)] : undefined;
  if (facilityLabel !== undefined) event.set(s.facilityLabel, facilityLabel);
  const severityLabel = typeof severity === 'bigint' && severity >= 0n ? s.severityLabels[Number(severity)] : undefined;
  if (severityLabel !== undefined) event.set(s.severityLabel, severityLabel);
}

function setPriority(event: Event, s: RelaySettings, priority: bigint): void {
  event.set(s.priority, priority);
  event.set(s.severity, priority & 7n);
  event.set(s.facility, priority >> 3n);
}
