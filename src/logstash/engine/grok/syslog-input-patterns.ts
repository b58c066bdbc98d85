/**
 * The grok patterns the syslog input's internal grok uses in ECS mode (logstash-input-syslog
 * v3.7.0 lib/logstash/inputs/syslog.rb:98-101: `<%{POSINT:[log][syslog][priority]:int}>%{SYSLOGLINE}`)
 * and everything they refer to, as logstash-patterns-core defines them in its `ecs-v1` set
 * (v4.3.1 patterns/ecs-v1/grok-patterns and linux-syslog; Logstash 8.17.4 bundles 4.3.4, whose
 * changes do not touch these). Written out here because the engine must match exactly what
 * Logstash matches: a syslog line either parses into these ECS fields or is tagged
 * _grokparsefailure_sysloginput.
 */
/** 0-255 with optional leading zeros, as patterns-core's IPV4 writes each part. */
const octet = '(?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])';

export const syslogInputPatterns: ReadonlyMap<string, string> = new Map([
  // A syslog line: its header, then the rest as [message] (GREEDYDATA, so with grok's MULTILINE
  // a trailing "\n" of a TCP line stays in the message).
  ['SYSLOGLINE', '%{SYSLOGBASE2} %{GREEDYDATA:message}'],
  ['SYSLOGBASE2', '(?:%{SYSLOGTIMESTAMP:timestamp}|%{TIMESTAMP_ISO8601:timestamp})(?: %{SYSLOGFACILITY})?(?: %{SYSLOGHOST:[host][hostname]})?(?: %{SYSLOGPROG}:)?'],
  ['SYSLOGFACILITY', '<%{NONNEGINT:[log][syslog][facility][code]:int}.%{NONNEGINT:[log][syslog][priority]:int}>'],
  ['SYSLOGHOST', '%{IPORHOST}'],
  ['SYSLOGPROG', '%{PROG:[process][name]}(?:\\[%{POSINT:[process][pid]:int}\\])?'],
  // Printable ASCII but "[", "]" (the pid's brackets) and nothing else.
  ['PROG', '[\\x21-\\x5a\\x5c\\x5e-\\x7e]+'],
  ['GREEDYDATA', '.*'],
  ['POSINT', '\\b(?:[1-9][0-9]*)\\b'],
  ['NONNEGINT', '\\b(?:[0-9]+)\\b'],
  // Hosts: an address or a DNS name.
  ['IPORHOST', '(?:%{IP}|%{HOSTNAME})'],
  ['HOSTNAME', '\\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*(\\.?|\\b)'],
  ['IP', '(?:%{IPV6}|%{IPV4})'],
  ['IPV4', `(?<![0-9])(?:${octet}[.]${octet}[.]${octet}[.]${octet})(?![0-9])`],
  ['IPV6', ipv6()],
  // Times: "Nov 26 22:10:00" (RFC 3164) or ISO 8601.
  ['SYSLOGTIMESTAMP', '%{MONTH} +%{MONTHDAY} %{TIME}'],
  [
    'MONTH',
    '\\b(?:[Jj]an(?:uary|uar)?|[Ff]eb(?:ruary|ruar)?|[Mm](?:a|ä)?r(?:ch|z)?|[Aa]pr(?:il)?|[Mm]a(?:y|i)?|[Jj]un(?:e|i)?|[Jj]ul(?:y|i)?|[Aa]ug(?:ust)?|[Ss]ep(?:tember)?|[Oo](?:c|k)?t(?:ober)?|[Nn]ov(?:ember)?|[Dd]e(?:c|z)(?:ember)?)\\b',
  ],
  ['MONTHDAY', '(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])'],
  // "(?!<[0-9])" is upstream's, a negative lookahead for "<" and a digit, not a lookbehind.
  ['TIME', '(?!<[0-9])%{HOUR}:%{MINUTE}(?::%{SECOND})(?![0-9])'],
  ['TIMESTAMP_ISO8601', '%{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ]%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?'],
  ['ISO8601_TIMEZONE', '(?:Z|[+-]%{HOUR}(?::?%{MINUTE}))'],
  ['YEAR', '(?>\\d\\d){1,2}'],
  ['MONTHNUM', '(?:0?[1-9]|1[0-2])'],
  ['HOUR', '(?:2[0123]|[01]?[0-9])'],
  ['MINUTE', '(?:[0-5][0-9])'],
  ['SECOND', '(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)'],
]);

/**
 * patterns-core's IPV6: one alternative per count of leading groups before "::" (7 down to 0),
 * each allowing an embedded IPv4 tail, then an optional zone ("%eth0").
 */
function ipv6(): string {
  const h = '[0-9A-Fa-f]{1,4}';
  const v4 = '((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})';
  const alternatives = [
    `((${h}:){7}(${h}|:))`,
    `((${h}:){6}(:${h}|${v4}|:))`,
    `((${h}:){5}(((:${h}){1,2})|:${v4}|:))`,
    `((${h}:){4}(((:${h}){1,3})|((:${h})?:${v4})|:))`,
    `((${h}:){3}(((:${h}){1,4})|((:${h}){0,2}:${v4})|:))`,
    `((${h}:){2}(((:${h}){1,5})|((:${h}){0,3}:${v4})|:))`,
    `((${h}:){1}(((:${h}){1,6})|((:${h}){0,4}:${v4})|:))`,
    `(:(((:${h}){1,7})|((:${h}){0,5}:${v4})|:))`,
  ];
  return `(${alternatives.join('|')})(%.+)?`;
}
