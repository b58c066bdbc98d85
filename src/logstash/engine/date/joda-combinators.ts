import type { DateParser } from './joda-parsers.js';

/** Composite.parseInto (Joda-Time 2.10.5 DateTimeFormatterBuilder.java:2508-2519): one after the other. */
export function sequence(...parsers: DateParser[]): DateParser {
  return {
    parseInto: (bucket, text, pos) => {
      for (const p of parsers) {
        pos = p.parseInto(bucket, text, pos);
        if (pos < 0) break;
      }
      return pos;
    },
  };
}

/**
 * MatchingParser.parseInto (:2588-2643): every alternative from the same position, the one that
 * reads furthest wins (the first to reach the end of the text, or the last alternative, stops the
 * search); `optional` adds Joda's trailing null parser, which lets nothing be read.
 */
export function longestOf(parsers: DateParser[], optional = false): DateParser {
  return {
    parseInto: (bucket, text, pos) => {
      const original = bucket.saveState();
      let bestPos = pos;
      let bestState: unknown;
      let bestInvalid = pos;
      for (let i = 0; i < parsers.length; i++) {
        const parsePos = parsers[i]!.parseInto(bucket, text, pos);
        if (parsePos >= pos) {
          if (parsePos > bestPos) {
            const last = i + 1 >= parsers.length; // no alternative (or only Joda's null parser) follows
            if (parsePos >= text.length || last) return parsePos;
            bestPos = parsePos;
            bestState = bucket.saveState();
          }
        } else if (~parsePos > bestInvalid) bestInvalid = ~parsePos;
        bucket.restoreState(original);
      }
      if (bestPos > pos || (bestPos === pos && optional)) {
        if (bestState !== undefined) bucket.restoreState(bestState);
        return bestPos;
      }
      return ~bestInvalid;
    },
  };
}

/** appendOptional (:345-349): the parser or nothing. */
export function optional(parser: DateParser): DateParser {
  return longestOf([parser], true);
}
