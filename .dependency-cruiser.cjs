/**
 * The layers of src/ and app/, enforced: `npm run layers` (part of `npm run lint`, a gate of
 * .ci/run). CONTRIBUTING.md ("Layers") says why each tier sits where it does.
 * A file may import its own tier and the tiers below it, never a tier above.
 */
// The lists of every check and every integration stack: they sit in a lower tier's folder but
// name everything, so they belong to the top (features) tier.
const registries = ['^src/check/all-checks\\.ts$', '^src/stacks/integration-stacks\\.ts$'];

const tiers = [
  // 0: the shipped instrumentation (its own rule below: it imports nothing of ours).
  { name: 'shipped', paths: ['^app/metrics/'] },
  // 1: the example application that hosts app/metrics.
  { name: 'example-app', paths: ['^app/example/', '^app/example-server(\\.test)?\\.ts$'] },
  // 2: reading sources with positions, errors that name file:line, bounded waiting.
  { name: 'foundation', paths: ['^src/sources/', '^src/waiting/'] },
  // 3: the check framework (Problem, Check, running and printing them) and the runtime:
  //    containers, tools (promtool/amtool), the webhook capture, and which test files a vitest
  //    shard runs.
  {
    name: 'framework',
    paths: ['^src/check/', '^src/engines/', '^src/tools/', '^src/capture/', '^src/sharding/'],
  },
  // 4: what each engine's configuration means, its checks, the stacks that start it, and the
  //    Workspace that loads each source of a tree once for all checks.
  {
    name: 'domain',
    paths: [
      '^src/prometheus-rules/',
      '^src/alertmanager/',
      '^src/elasticsearch/',
      '^src/logstash/',
      '^src/log-stack/',
      '^src/deploy/',
      '^src/thresholds/',
      '^src/metrics-contract/',
      '^src/stacks/',
      '^src/workspace/',
    ],
  },
  // 5: end to end against live stacks, injected faults, and diffs between two revisions.
  { name: 'scenarios', paths: ['^src/e2e/', '^src/faults/', '^src/diff/'] },
  // 6: features built on all of the above, and the two registries that list every check and
  //    every integration stack (they name everything, so they sit above everything they name).
  {
    name: 'features',
    paths: ['^src/reproduce/', '^src/reporting/', ...registries],
  },
  // 7: the command lines.
  { name: 'cli', paths: ['^src/cli/'] },
];

const either = (paths) => `(${paths.join('|')})`;

const appTests = '^app/.*\\.test\\.ts$';
// Helpers for tests only: what unit tests beside their file (src/**/*.test.ts) and the suites under
// tests/ share. Production code may never import them (rule layers/not-to-test-support).
const testSupport = '(^tests/support/|(^|/)test-support/)';
const tests = '\\.test\\.ts$';

// The shipped tier has its stricter rule of its own below.
const upward = tiers.slice(1, -1).flatMap((tier, i) => {
  const index = i + 1;
  const above = tiers.slice(index + 1).flatMap((t) => t.paths);
  const elsewhere = registries.filter((path) => !tier.paths.includes(path));
  const comment = `${tier.name} imports a higher tier (${tiers
    .slice(index + 1)
    .map((t) => t.name)
    .join(', ')}): move the imported piece down to the tier that needs it, or the importer up (CONTRIBUTING.md, "Layers")`;
  return [
    {
      name: `layers/${tier.name}-imports-upward`,
      comment,
      severity: 'error',
      from: { path: either(tier.paths), pathNot: either([...elsewhere, tests]) },
      to: { path: either(above) },
    },
    // A unit test sits in its file's tier, with one freedom: it may read a registry, to test
    // every check or every stack (src/check/check-docs.test.ts). Tests of the application
    // (app/**/*.test.ts) are harness code that tests it: they may use the harness.
    {
      name: `layers/${tier.name}-test-imports-upward`,
      comment,
      severity: 'error',
      from: { path: `^(?=.*${tests})${either(tier.paths)}`, pathNot: either([...elsewhere, appTests]) },
      to: { path: either(above), pathNot: either(registries) },
    },
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'layers/shipped-imports-harness',
      comment: 'app/metrics ships inside the application: it may import prom-client and Node built-ins, never the harness nor the example app (its tests, which do not ship, may)',
      severity: 'error',
      from: { path: '^app/metrics/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src|app|tests|bench|scripts)/', pathNot: '^app/metrics/' },
    },
    {
      name: 'layers/unplaced',
      comment: 'a folder of src/ or app/ that no tier names: add it to a tier in .dependency-cruiser.cjs and to the table in CONTRIBUTING.md ("Layers")',
      severity: 'error',
      from: { path: '^(src|app)/', pathNot: either(tiers.flatMap((t) => t.paths)) },
      to: {},
    },
    {
      name: 'layers/no-foreign-check',
      comment: "a check is imported by the registry, its test and the CLI only; what two folders' checks share lives in a module that is not a check (e.g. src/metrics-contract/known-series.ts)",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: either([...registries, '^src/cli/', tests]) },
      to: { path: '-check\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'layers/no-circular',
      comment: 'modules that import each other in a ring cannot be layered: break the ring by moving the shared piece down',
      severity: 'error',
      from: {},
      // Rings through type-only imports vanish at run time and are allowed; a runtime ring is not.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'checks/open-no-files',
      comment:
        'a check is a function of parsed entries (as in pint): it takes its sources from ctx.workspace (src/workspace/workspace.ts), which loads each once, and never opens a file itself; tools get their input through src/tools/run-tool-on-text.ts',
      severity: 'error',
      from: { path: '^src/(.+-check\\.ts$|.+/checks/|check/config/)', pathNot: '\\.test\\.ts$' },
      to: { path: '^((node:)?fs(/promises)?$|src/sources/repo-files\\.ts$)' },
    },
    {
      name: 'layers/not-to-tests',
      comment: 'production code under src/ and app/ never imports from tests/',
      severity: 'error',
      from: { path: '^(src|app)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^tests/', pathNot: testSupport },
    },
    {
      name: 'layers/not-to-test-support',
      comment:
        'production code under src/ and app/ never imports a test helper (tests/support/, or any test-support/ folder): only *.test.ts files, bench/ and scripts/ may. A helper production code needs is not a test helper: move it into the src/ folder of its tier',
      severity: 'error',
      from: { path: '^(src|app)/', pathNot: either([tests, testSupport]) },
      to: { path: testSupport },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // Type-only imports count: a type from a higher tier ties the code to it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
