// The README's picture of a reproduce report: a live run of HighLatency, its report page
// screenshotted in Debian's Chromium (the same launcher as the browser test).
//   npx tsx scripts/screenshot-report.ts [alert] [out.png]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../src/sources/repo-files.js';
import { launchChromium } from '../tests/cli/headless-chromium.js';

const alert = process.argv[2] ?? 'HighLatency';
const out = process.argv[3] ?? `docs/images/reproduce-${alert}.png`;
execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/reproduce.ts'), alert], { cwd: repoRoot, stdio: 'inherit' });
const chromium = await launchChromium();
try {
  const page = await chromium.context.newPage();
  await page.goto(`file://${join(repoRoot, `reports/reproduce/${alert}.html`)}`);
  await page.locator(`section[data-alert="${alert}"]`).screenshot({ path: join(repoRoot, out) });
  console.log(`screenshot: ${out}`);
} finally {
  await chromium.close();
}
