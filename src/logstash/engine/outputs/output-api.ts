import type { Event } from '../event.js';

/** What an output did with one event: the request it would send, or the text it would print. */
export type Delivery =
  | {
      output: 'elasticsearch';
      id?: string;
      where: string;
      /** The sprintf-ed index name (`logs-2026.11.26`). */
      index: string;
      /** The document as the output sends it: LogStash::Json.dump(event.to_hash). */
      document: string;
      /** Set when the event goes to the dead letter queue instead (an unresolved %{} in the index). */
      deadLetter?: string;
    }
  | { output: 'stdout'; id?: string; where: string; text: string };

export interface OutputStage {
  readonly name: string;
  readonly id?: string;
  readonly where: string;
  /** The index template the output installs when it connects (manage_template). */
  readonly template?: { name: string; body: unknown; overwrite: boolean; where: string };
  receive(event: Event): Delivery;
}
