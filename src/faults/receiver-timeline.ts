import type { CaptureClient } from '../capture/capture-client.js';
import type { CapturedRequest } from '../capture/captured-request.js';

/** One request a receiver got, as the timeline shows it. */
export interface ReceiverEvent {
  seq: number;
  /** Seconds since the timeline started. */
  atS: number;
  /** When the capture server received it (ISO time, the harness's clock). */
  receivedAt: string;
  path: string;
  answer: CapturedRequest['answer'];
  /** `DatabaseDown trigger` (PagerDuty) or the Slack title. */
  what: string;
}

/**
 * What the receivers (capture-server paths) saw of one cluster since a mark, in order, with how
 * each request was answered: the evidence a fault test asserts on, and what it prints when it
 * fails (`render`), so a red run shows what on-call would have seen.
 */
export class ReceiverTimeline {
  private constructor(
    private readonly capture: CaptureClient,
    private readonly paths: readonly string[],
    private readonly token: string,
    readonly mark: number,
    private readonly startedAt: number,
  ) {}

  /**
   * From now on, or from `since` (a capture mark and the time it was taken): a stack whose faults
   * begin when it starts (a target broken from its first scrape) is read from its start.
   */
  static async start(capture: CaptureClient, paths: readonly string[], token: string, since?: { mark: number; atMs: number }): Promise<ReceiverTimeline> {
    return since ? new ReceiverTimeline(capture, paths, token, since.mark, since.atMs) : new ReceiverTimeline(capture, paths, token, await capture.mark(), Date.now());
  }

  async events(): Promise<ReceiverEvent[]> {
    const lists = await Promise.all(this.paths.map((path) => this.capture.requests({ path, after: this.mark, token: this.token })));
    return lists
      .flatMap((l) => l.requests)
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({ seq: r.seq, atS: (Date.parse(r.receivedAt) - this.startedAt) / 1000, receivedAt: r.receivedAt, path: r.path, answer: r.answer, what: describe(r) }));
  }

  async render(): Promise<string> {
    const events = await this.events();
    if (!events.length) return `receiver timeline (cluster ${this.token}): nothing arrived`;
    return [
      `receiver timeline (cluster ${this.token}), seconds since the scenario began:`,
      ...events.map((e) => `  +${e.atS.toFixed(1).padStart(6)}s  #${e.seq} ${e.path}  answered ${e.answer ?? '?'}  ${e.what}`),
    ].join('\n');
  }
}

function describe(r: CapturedRequest): string {
  const body = r.json as { event_action?: string; payload?: { class?: string }; attachments?: { title?: string }[] } | undefined;
  if (body?.event_action) return `${body.payload?.class ?? '?'} ${body.event_action}`;
  if (body?.attachments?.[0]?.title) return body.attachments[0].title;
  return r.text.slice(0, 80);
}
