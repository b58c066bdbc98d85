/** What a stage's child process reports to bench/scale.ts, as its last line of output. */
export interface StageResult {
  /** Units of work it did: rule cases, incidents, log cases. */
  units: number;
  /** Time of the work itself, without fixed start-up (engine start, tool probe), when it can tell. */
  workMs?: number;
  /** Units whose outcome was wrong (a failing rule case, an incident that did not play out). */
  failed: number;
  note?: string;
}

const marker = 'SCALE-RESULT ';

export function reportStage(result: StageResult): void {
  console.log(`${marker}${JSON.stringify(result)}`);
}

export function readStageResult(stdout: string): StageResult | undefined {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(marker));
  return line ? (JSON.parse(line.slice(marker.length)) as StageResult) : undefined;
}
