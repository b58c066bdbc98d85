import { benchAlertmanagerTiming } from './alertmanager-timing.js';
import { benchCheck } from './check.js';
import { benchDiff } from './diff.js';
import { benchE2e } from './e2e.js';
import { benchEngines } from './engines.js';
import { benchJruby } from './jruby.js';
import { benchLogsEngine } from './logs-engine.js';
import { benchLogstashFilters } from './logstash-filters.js';
import { benchRedactRegex } from './redact-regex.js';
import { benchRules } from './rules.js';
import { benchScale } from './scale.js';

// Every benchmark of the harness, one after another; each prints its own figures.
// Add yours here. Benchmarks print numbers; nothing here asserts on time.
// The logs benches that need JRuby (jruby, logs-engine, redact-regex) print one
// "not measured: <why>" line instead when its image is missing, and the run goes on.
await benchCheck();
await benchRules();
await benchDiff();
await benchAlertmanagerTiming();
await benchEngines();
await benchE2e();
await benchLogstashFilters();
await benchJruby();
await benchLogsEngine();
await benchRedactRegex();
// The 1x/3x/10x scale table (issue 15); SCALE_FACTORS=1,3 for a shorter run.
await benchScale();
