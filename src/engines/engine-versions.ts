import { execFileSync } from 'node:child_process';
import { engineVersion, imageFor, type EngineName } from './image-pins.js';

/** The engines whose versions decide what the suite proves (the ones with stand-ins). */
const reported: EngineName[] = ['prometheus', 'alertmanager', 'node-exporter', 'mysqld-exporter', 'database', 'jruby'];

/**
 * One line per engine: the image that runs, what it is (a stand-in's Debian package, from the
 * labels scripts/build-offline-images.sh puts on it) and the pin, saying so when a stand-in is
 * another release than the pin. So a run's output always names the versions it tested, and a
 * moving Debian suite can never change an engine unnoticed.
 *   prometheus        local/prometheus:3.5.3 (Debian sid prometheus 3.5.3+ds1-6) for pin prom/prometheus:v3.5.3
 *   prometheus        pin v3.5.5, stand-in local/prometheus:3.5.3 (Debian sid prometheus 3.5.3+ds1-6): ANOTHER PATCH than the pin
 */
export function engineVersionLines(env: NodeJS.ProcessEnv = process.env): string[] {
  return reported.map((engine) => {
    const name = engine.padEnd(16);
    try {
      const choice = imageFor(engine, env);
      const what = standInOf(choice.image);
      const described = `${choice.image}${what ? ` (${what})` : ''}`;
      if (choice.image === choice.pinned) return `  ${name} ${described}, the pin`;
      const [got, pin] = [engineVersion(choice.image), engineVersion(choice.pinned)];
      // The database stand-in is another product (MariaDB for MySQL): versions do not compare.
      if (engine !== 'database' && got !== pin) {
        const minor = (v: string) => v.split('.').slice(0, 2).join('.');
        const how = minor(got) === minor(pin) ? 'ANOTHER PATCH than the pin' : 'ANOTHER RELEASE than the pin';
        return `  ${name} pin v${pin}, stand-in ${described}, from ${choice.source}: ${how}`;
      }
      return `  ${name} ${described} for pin ${choice.pinned}, from ${choice.source}`;
    } catch (error) {
      return `  ${name} unknown (${error instanceof Error ? error.message : String(error)})`;
    }
  });
}

/** `Debian sid prometheus 3.5.3+ds1-6` for a stand-in image, undefined for any other (or no Docker). */
function standInOf(image: string): string | undefined {
  try {
    const label = execFileSync('docker', ['image', 'inspect', '--format', '{{ index .Config.Labels "timetable.stand-in" }}', image], {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return label && label !== '<no value>' ? label : undefined;
  } catch {
    return undefined;
  }
}
