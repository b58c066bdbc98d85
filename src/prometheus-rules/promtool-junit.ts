import { XMLParser } from 'fast-xml-parser';
import { parseFailureMessage } from './parse-promtool-output.js';
import type { PromtoolFailure } from './promtool-failure.js';

/**
 * promtool's own JUnit report (`promtool test --junit=<file> rules`, 2.55+): one <testsuite>
 * per test file, one <testcase> per test group (named by our case's file:line), one <failure>
 * per failed expectation, an <error> when a file could not run at all
 * (util/junitxml/junitxml.go, v3.5.3). promtool thus does the grouping and the splitting; only
 * each failure's own words are left to read, by the one parser.
 */
export function failuresFromJunit(xml: string): PromtoolFailure[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
  });
  const doc = parser.parse(xml) as { testsuites?: { testsuite?: Suite[] } };
  const failures: PromtoolFailure[] = [];
  for (const suite of doc.testsuites?.testsuite ?? []) {
    for (const c of suite.testcase ?? []) {
      const group = c.name === 'unknown' ? undefined : c.name;
      for (const text of c.failure ?? []) failures.push(parseFailureMessage(String(text), group));
      if (c.error) failures.push({ kind: 'error', ...(group ? { group } : {}), text: `${suite.name}: ${String(c.error)}` });
    }
  }
  return failures;
}

interface Suite {
  name: string;
  testcase?: { name: string; failure?: string[]; error?: string }[];
}
