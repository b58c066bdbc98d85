import { invalidFormat } from './illegal-argument.js';
import { ParserBucket } from './joda-bucket.js';
import type { DateParser } from './joda-parsers.js';
import { JodaZone } from './joda-zone.js';

/**
 * The parsing half of a Joda DateTimeFormatter (Joda-Time 2.10.5 format/DateTimeFormatter.java):
 * a parser, the zone set by withZone (null: the chronology's, i.e. the JVM default zone) and the
 * default year set by withDefaultYear (2000 unless set).
 */
export class DateFormatter {
  constructor(
    readonly parser: DateParser,
    readonly zone: JodaZone | undefined,
    readonly defaultYear = 2000,
    private readonly jvmZone: JodaZone = JodaZone.UTC,
  ) {}

  withZone(zone: JodaZone): DateFormatter {
    return new DateFormatter(this.parser, zone, this.defaultYear, this.jvmZone);
  }

  /** The zone the chronology uses: withZone's, or the JVM default (selectChronology, :1013-1022). */
  get effectiveZone(): JodaZone {
    return this.zone ?? this.jvmZone;
  }

  /** parseMillis (:822-827, DateTimeParserBucket.doParseMillis :178-188): the whole text or an error. */
  parseMillis(text: string): number {
    const bucket = new ParserBucket(this.effectiveZone, this.defaultYear);
    const pos = this.parser.parseInto(bucket, text, 0);
    if (pos >= 0 && pos >= text.length) return bucket.computeMillis(text);
    throw invalidFormat(text, pos >= 0 ? pos : ~pos);
  }
}
