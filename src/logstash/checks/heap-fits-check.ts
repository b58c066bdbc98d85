import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { logstashDeployments, type LogstashDeployment } from './logstash-deployments.js';

const id = 'logstash/heap-fits';
const mib = 1024 * 1024;
/** Logstash 8.17.4's config/jvm.options: -Xms1g -Xmx1g when LS_JAVA_OPTS sets no heap. */
const defaultHeap = 1024 * mib;
/** Non-heap the JVM of Logstash needs on top (see the check's description). */
const minimumNonHeap = 768 * mib;

/** `-Xmx1g`, `512m`, compose `512M`, k8s `512Mi` / `2G` → bytes (k8s decimal suffixes are powers of ten). */
export function parseBytes(text: string, k8sDecimal = false): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?$/i.exec(text.trim());
  if (!m) return undefined;
  const power = 'kmgt'.indexOf(m[2]!.toLowerCase()) + 1;
  const base = k8sDecimal && m[2] && !m[3] && m[2] === m[2].toUpperCase() ? 1000 : 1024;
  return Number(m[1]) * base ** power;
}

/**
 * Heap and container memory limit must fit together (audit 1.3): the JVM needs, beside the
 * heap, metaspace (JRuby and the plugins: ~200 MiB), the code cache (up to 240 MiB), thread
 * stacks and Netty's direct buffers for the tcp/syslog inputs (up to the heap size by default).
 * So the limit must be at least twice the heap and leave at least 768 MiB beside it;
 * below that the kernel kills the container (137) under load, or at start.
 */
export function heapProblems(deployments: readonly LogstashDeployment[]): Problem[] {
  const problems: Problem[] = [];
  for (const d of deployments) {
    const opts = d.env.get('LS_JAVA_OPTS');
    const xmx = typeof opts?.value === 'string' ? /-Xmx(\S+)/.exec(opts.value)?.[1] : undefined;
    const heap = xmx ? parseBytes(xmx) : defaultHeap;
    if (!d.memoryLimit) {
      problems.push(
        problem({ check: id, file: d.file, line: d.line, message: `${d.where} runs Logstash without a memory limit`, hint: 'set a memory limit of at least twice the heap (-Xmx in LS_JAVA_OPTS)' }),
      );
      continue;
    }
    const limit = parseBytes(d.memoryLimit.value, d.where.startsWith('k8s'));
    if (heap === undefined || limit === undefined) continue;
    const needed = Math.max(2 * heap, heap + minimumNonHeap);
    if (limit < needed) {
      problems.push(
        problem({
          check: id,
          file: d.file,
          line: d.memoryLimit.line,
          message: `${d.where}: a ${Math.round(heap / mib)} MiB heap (${xmx ? `-Xmx${xmx}` : "Logstash's default"}) does not fit in a ${d.memoryLimit.value} limit: the JVM needs ${Math.round(needed / mib)} MiB with its non-heap memory`,
          hint: `raise the limit to ${Math.round(needed / mib)} MiB or more, or lower -Xmx (Logstash's own default is 1g)`,
        }),
      );
    }
  }
  return problems;
}

export const logstashHeapFitsCheck: Check<Workspace> = {
  id,
  description: 'the Logstash heap and its container memory limit fit together, in compose and k8s',
  run: async ({ workspace }) => heapProblems(logstashDeployments(workspace)),
};
