import { benchAlertmanagerTiming } from './alertmanager-timing.js';
import { benchCheck } from './check.js';
import { benchDiff } from './diff.js';
import { benchE2e } from './e2e.js';
import { benchEngines } from './engines.js';
import { benchRedactRegex } from './redact-regex.js';
import { benchRules } from './rules.js';

// Every benchmark of the harness, one after another; each prints its own figures.
// Add yours here. Benchmarks print numbers; nothing here asserts on time.
await benchCheck();
await benchRules();
await benchDiff();
await benchAlertmanagerTiming();
await benchEngines();
await benchE2e();
await benchRedactRegex();
