# Redaction for the log pipeline: the last filter of monitoring/logstash/pipeline/logstash.conf.
# Logstash loads one file per ruby filter, so the whole of it is here (README, "Logs", says
# what it covers and why; tests/logs/jruby-redact-*.test.ts hold it to that on JRuby).
#
# It walks every key and value of the event at any depth, [event][original] included, and:
# - by key NAME: replaces every leaf under a key that names a secret (password, token,
#   api_key, cookie, authorization, signature, card_number, ...), compared in snake_case;
# - by SHAPE, in every string and every key: PEM private key blocks, URL credentials,
#   Authorization / Cookie headers, key=value / key: value pairs whose key names a secret (plain,
#   '...', "...", \"...\" inside JSON strings, `...`, percent-encoded, =>), Bearer/Basic
#   tokens, JWTs, GitHub / GitLab / npm / Slack / Stripe / Google / AWS token shapes (an AWS
#   secret key next to its access key id too), card numbers (brand prefix + Luhn) and e-mails.
# Ids, UUIDs, hex hashes, timestamps and ordinary numbers are left alone; an integer is taken
# for a card only with a brand prefix, a valid Luhn digit and a key that is not id-like.
#
# Every regular expression runs in time linear in its input (a hostile line must not stall a
# worker; audit 2.3): each starts either at a literal or at the first character of a run
# (a lookbehind on the run's own class), and every repetition is possessive (*+ ++ ?+) or a
# bounded interval inside an atomic group: in Ruby (Onigmo, Joni) `x{1,32}+` is NOT possessive
# but `(?:x{1,32})+`, a catastrophic nest. So no position is scanned more than a bounded
# number of times. bench/redact-regex.ts measures each on 64 KB adversarial inputs.
#
# A failure never lets the event through unredacted: the event is rebuilt from nothing but
# its @timestamp, the pipeline's own tags and a marker, tagged _redaction_failure. Keys that
# Logstash field references cannot name (holding [ or ]) are written back with
# Event#overwrite (logstash-core v8.17.4 Event.java:371-376), never through a reference.

require 'strscan'

REDACTED = '[REDACTED]'.freeze
MAX_DEPTH = 200

SECRET_WORDS = %w[
  password passwd passphrase pwd pass secret secrets token auth authorization cookie set_cookie
  apikey api_key access_key secret_key private_key client_secret session_id sessionid sessid
  jsessionid phpsessid credential credentials signature sig jwt bearer otp pin card_number
  credit_card cc_number ccnum card_no pan cvv cvc cvv2
].freeze
# A secret word followed by one of these names a fact about the secret, not the secret.
NOT_SECRET_LAST = %w[
  count type length len size at expires expiry ttl policy strength enabled required changed updated
  created rotated age min max set rate ratio method provider mode scheme status result error reason
  realm valid verified algorithm alg name url uri endpoint path file location
].freeze
# Integers under these are identifiers, counters or times, never taken for card numbers.
ID_LIKE_LAST = %w[id ids uuid guid seq sequence offset count total size bytes length ts timestamp time at epoch ms us ns millis micros nanos duration version port pid uid gid tid].freeze

# Only the first 200 characters: a secret's name is short, and this stays cheap on any key.
def key_words(key)
  key.to_s[0, 200].gsub(/(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z\d])(?=[A-Z])/, '_').downcase.split(/[^a-z0-9]++/).reject(&:empty?)
end

# A word ending in one of these names a secret too (userpassword, mytoken; not secretary).
SECRET_ENDINGS = /(?:password|passwd|passphrase|secret|token|apikey|credential)s?\z/

# accessToken, access-token and ACCESS_TOKEN are alike; "passwords" is "password".
def secret_key?(key)
  words = key_words(key)
  return false if words.empty? || words.size > 16 || (words.size > 1 && NOT_SECRET_LAST.include?(words.last))
  words.any? { |w| w.match?(SECRET_ENDINGS) } || (0...words.size).any? do |i|
    (i...[words.size, i + 3].min).any? { |j| w = words[i..j].join('_'); SECRET_WORDS.include?(w) || SECRET_WORDS.include?(w.chomp('s')) }
  end
end

def id_like_key?(key) = ID_LIKE_LAST.include?(key_words(key).last)

PRIVATE_KEY = /-----BEGIN[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----END))*+(?:-----END[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----)?/
URL_CREDENTIALS = %r{(?<=://)([^\s:/?#@"'`<>\\]*+):(?!\[REDACTED)[^\s/@"'`<>\\]++@}
QUOTE = %q{(?:\\\\*+["'`]|%(?:25)?2[27])}
SEPARATOR = "(?:#{QUOTE})?+\\s*+(?:=>|[:=]|%(?:25)?3[ADad])\\s*+"
NOT_DONE = "(?!#{QUOTE}?+\\[REDACTED)"
AUTHORIZATION = /((?:proxy-)?authorization#{SEPARATOR}#{NOT_DONE}(?:#{QUOTE})?+(?:(?>[a-z][a-z0-9-]{1,20})\s++)?+)[^\s"'`\\&;]++(?:[^\r\n"'`\\&;]*+)/i
COOKIE = /((?:set-)?cookie#{SEPARATOR}#{NOT_DONE}(?:#{QUOTE})?+)[^\r\n"'`\\]++/i
KEY_WORD = '(?:passw(?:or)?d|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|session[_-]?id|sessid|credentials?|signature|cookie|(?:(?<![a-z0-9])|(?<=%2[27]))(?:pass|pwd|auth|otp|pin|sig|jwt|cvv2?|cvc)(?![a-z]))'
VALUE = [
  '\\\\++"(?:[^\\\\"\\n]|\\\\++(?!"))*+(?:\\\\++")?+', # \"...\" inside a JSON string
  "\\\\++'(?:[^\\\\'\\n]|\\\\++(?!'))*+(?:\\\\++')?+",
  '"(?:[^"\\\\\\n]|\\\\.)*+"?+',
  "'(?:[^'\\\\\\n]|\\\\.|'')*+'?+",
  '`[^`\\n]*+`?+',
  '%(?:25)?2[27](?:[^%\\s&"]|%(?!(?:25)?2[27]))*+(?:%(?:25)?2[27])?+',
  '[\\[{]', # a structure: skip_structure finds its end
  '(?:[^\\s"\'`\\\\,;&)}\\]<>%]|%(?!(?:25)?(?:2[267]|3[Bb])))++',
].join('|')
KEY_VALUE = /(#{KEY_WORD}(?>(?:[_.-](?>[a-z0-9]{1,32})){0,4}))(#{SEPARATOR})#{NOT_DONE}(#{VALUE})/i
IDENTIFIED_BY = /(identified\s++(?:with\s++(?>[a-z0-9_]{1,40})\s++)?+(?:by|as)\s++)('(?:[^'\\\n]|\\.|'')*+'?+|"(?:[^"\\\n]|\\.)*+"?+)/i
CLI_OPTION = /(?<![\w-])(--?[a-z](?>[a-z0-9_-]{0,48}))(\s++|=)(?!\[REDACTED)("(?:[^"\\\n]|\\.)*+"?+|'[^'\n]*+'?+|[^\s"'`]++)/i
BEARER = /(?<![a-z0-9])((?:bearer|basic)\s++)(?!\[REDACTED)((?>[A-Za-z0-9._~+\/=-]{8,}))/i
JWT = /(?<![A-Za-z0-9_-])eyJ(?>[A-Za-z0-9_-]{4,})\.(?>[A-Za-z0-9_-]{4,})\.[A-Za-z0-9_-]*+/
AWS_PAIR = %r{(?<![A-Za-z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})((?>[\s:,;=|"'\\]{1,8}))[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])}
TOKEN = /(?<![A-Za-z0-9_-])(gh[pousr]_(?=[A-Za-z0-9]{30})|github_pat_(?=[A-Za-z0-9_]{40})|glpat-(?=[A-Za-z0-9_-]{20})|npm_(?=[A-Za-z0-9]{36})|xox[abposr]-(?=[A-Za-z0-9-]{10})|xapp-(?=[A-Za-z0-9-]{20})|(?:sk|rk)_(?:live|test)_(?=[A-Za-z0-9]{16})|whsec_(?=[A-Za-z0-9]{24})|AIza(?=[A-Za-z0-9_-]{35})|(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)(?=[A-Z0-9]{16}(?![A-Za-z0-9])))[A-Za-z0-9_-]++/
SLACK_WEBHOOK = %r{(hooks\.slack\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]++}
CARD = /(?<![A-Za-z0-9.-])(?:[2-6](?>\d{12,18})|[2-6]\d{3}([ -])\d{4}\1\d{4}\1(?>\d{1,4})(?:\1(?>\d{1,3}))?+|3[47]\d{2}([ -])\d{6}\2\d{5})(?![A-Za-z0-9-]|\.\d)/
CARD_BRANDS = /\A(?:4\d{12}(?:\d{3}){0,2}|5[1-5]\d{14}|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13}|3(?:0[0-5]|[689]\d)\d{11,16}|6(?:011|4[4-9]\d|5\d\d)\d{12,15}|35(?:2[89]|[3-8]\d)\d{12,15}|62\d{14,17}|(?:5[06-8]|6[37])\d{14,17})\z/
EMAIL = /(?<![A-Za-z0-9._%+-])(?>[A-Za-z0-9._%+-]{1,64})@(?>[A-Za-z0-9-]{1,63})(?:\.(?>[A-Za-z0-9-]{1,63}))++/

def luhn?(digits)
  sum = 0
  digits.reverse.each_char.with_index do |ch, i|
    d = ch.ord - 48
    d *= 2 if i.odd?
    sum += d > 9 ? d - 9 : d
  end
  (sum % 10).zero?
end

def card?(digits) = digits.match?(CARD_BRANDS) && luhn?(digits)

# Bearer/Basic followed by a word is prose ("Basic authentication failed"); a token has a
# digit, a symbol or a capital after its first letter.
def token_like?(text) = text.match?(/[0-9+\/=_~.-]|\A.+[A-Z]/)

# Moves the scanner past the structure ({...} or [...]) it is at, quotes respected; an
# unclosed one runs to the end of the text. One pass.
def skip_structure(scanner)
  depth = 0
  until scanner.eos?
    next if scanner.skip(/[^\[\]{}"]++/) || scanner.skip(/"(?:[^"\\]++|\\.)*+"?+/)
    depth += '[{'.include?(scanner.getch) ? 1 : -1
    break if depth <= 0
  end
end

def mask_value(value)
  open = value[/\A(?:\\*+["'`]|%(?:25)?2[27])/]
  return REDACTED unless open
  inner = value[open.length..]
  quote = open.start_with?('%') ? open : open[-1]
  return value if inner.empty? || inner == quote
  close = inner.end_with?(quote) && inner.length > quote.length ? open : ''
  "#{open}#{REDACTED}#{close}"
end

# KEY_VALUE through a scanner (byte positions: linear on multi-byte text too), so that a value
# that is a structure can be skipped whole.
def redact_key_values(text)
  return text unless text.match?(KEY_VALUE)
  scanner = StringScanner.new(text)
  out = +''
  last = 0
  while scanner.scan_until(KEY_VALUE)
    value = scanner[3]
    value_at = scanner.pos - value.bytesize
    if !secret_key?(scanner[1])
      key_end = value_at - scanner[2].bytesize
      out << text.byteslice(last, key_end - last)
      last = scanner.pos = key_end
    elsif value == '{' || value == '['
      out << text.byteslice(last, value_at - last) << (scanner[2].include?('"') ? %("#{REDACTED}") : REDACTED)
      scanner.pos = value_at
      skip_structure(scanner)
      last = scanner.pos
    else
      out << text.byteslice(last, value_at - last) << mask_value(value)
      last = scanner.pos
    end
  end
  out << text.byteslice(last, text.bytesize - last)
end

def redact_text(text, id_digits = false)
  text = text.dup.force_encoding('UTF-8').scrub('?') unless text.valid_encoding? && text.encoding == Encoding::UTF_8
  out = text.gsub(PRIVATE_KEY, '[REDACTED_PRIVATE_KEY]')
  out = out.gsub(URL_CREDENTIALS) { "#{$1}:#{REDACTED}@" }
  out = out.gsub(AUTHORIZATION) { "#{$1}#{REDACTED}" }
  out = out.gsub(COOKIE) { "#{$1}#{REDACTED}" }
  out = redact_key_values(out)
  out = out.gsub(IDENTIFIED_BY) { "#{$1}#{mask_value($2)}" }
  out = out.gsub(CLI_OPTION) { |m| secret_key?($1) ? "#{$1}#{$2}#{mask_value($3)}" : m }
  out = out.gsub(BEARER) { |m| token_like?($2) ? "#{$1}#{REDACTED}" : m }
  out = out.gsub(JWT, '[REDACTED_JWT]')
  out = out.gsub(AWS_PAIR) { "#{$1[0, 4]}#{REDACTED}#{$2}#{REDACTED}" }
  out = out.gsub(TOKEN) { "#{$1}#{REDACTED}" }
  out = out.gsub(SLACK_WEBHOOK) { "#{$1}#{REDACTED}" }
  out = out.gsub(CARD) { |m| card?(m.delete(' -')) ? '[REDACTED_CARD]' : m } unless id_digits && text.match?(/\A\d{13,19}\z/)
  out.gsub(EMAIL) { |m| m[/\.([^.]*)\z/, 1].match?(/\A[A-Za-z]{2,63}\z/) ? '[REDACTED_EMAIL]' : m }
end

# Every leaf of a value stored under a secret key.
def redact_all(value)
  case value
  when Hash then value.each_with_object({}) { |(k, v), h| h[redact_text(k.to_s)] = redact_all(v) }
  when Array then value.map { |v| redact_all(v) }
  when nil then nil
  else REDACTED
  end
end

def redact_hash(hash, depth)
  hash.each_with_object({}) do |(key, value), out|
    name = redact_text(key.to_s)
    name = "#{name}_#{out.size}" while out.key?(name) # two keys redacted alike both stay
    out[name] = redact_value(key.to_s, value, depth + 1)
  end
end

def redact_value(key, value, depth = 0)
  return "#{REDACTED}: nested deeper than #{MAX_DEPTH}" if depth > MAX_DEPTH && (value.is_a?(Hash) || value.is_a?(Array))
  return redact_all(value) if key && secret_key?(key)
  case value
  when Hash then redact_hash(value, depth)
  when Array then value.map { |v| redact_value(key, v, depth + 1) }
  when String then redact_text(value, key && id_like_key?(key))
  when Integer
    !(key && id_like_key?(key)) && card?(value.abs.to_s) ? '[REDACTED_CARD]' : value
  else value
  end
end

# The pipeline's own tags (logstash.conf, the inputs and filters it uses): kept on failure.
OWN_TAGS = %w[error http db stacktrace unparsed private_ip _jsonparsefailure _grokparsefailure_sysloginput _unknown_format _geoip_lookup_failure _dateparsefailure _rubyexception _mutate_error _timestampparsefailure _tagsparsefailure].freeze

def register(params); end

def filter(event)
  original = event.to_hash
  redacted = {}
  rebuild = false
  original.each do |key, value|
    if key == '@timestamp' || key == '@version'
      redacted[key] = value
      next
    end
    name = redact_text(key)
    rebuild ||= name != key || key.include?('[') || key.include?(']')
    redacted[name] = redact_value(key, value)
  end
  if rebuild
    event.overwrite(LogStash::Event.new(redacted))
  else
    redacted.each { |key, value| event.set(key, value) unless value.equal?(original[key]) || value == original[key] }
  end
  [event]
rescue StandardError, SystemStackError => e
  begin
    safe = { '@timestamp' => event.timestamp, 'message' => "[REDACTED: redaction failed with #{e.class}]" }
    safe['tags'] = (Array(event.get('tags')) & OWN_TAGS) + ['_redaction_failure'] rescue safe['tags'] = ['_redaction_failure']
    event.overwrite(LogStash::Event.new(safe))
    [event]
  rescue StandardError
    [] # the ruby filter cancels an event the script does not return: dropped, never leaked
  end
end

# These run when Logstash loads the pipeline; a failure stops the pipeline from starting.
test 'a password in a nested object and a JSON-quoted one in [event][original]' do
  in_event { { 'user' => { 'password' => 'hunter2' }, 'event' => { 'original' => '{"user":{"password":"hunter2 x"}}' } } }
  expect('both are gone') { |events| !events.first.to_hash.to_s.include?('hunter2') }
end

test 'headers, cookies, JWTs, tokens, keys and card numbers in text and arrays' do
  in_event { { 'message' => "Authorization: Bearer abc123def456ghi789 Cookie: sid=s3cr3t; x=1\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpQ\n-----END RSA PRIVATE KEY-----", 'list' => ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln', '4111 1111 1111 1111', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'] } }
  expect('none is left') do |events|
    text = events.first.to_hash.to_s
    %w[abc123def456ghi789 s3cr3t eyJzdWIiOiIxMjMifQ 4111 MIIEpQ abcdefghijklmnop].none? { |s| text.include?(s) }
  end
end

test 'a card as a number, an e-mail and a secret in a key [with brackets]; ids and counts kept' do
  in_event { { 'amount' => 4111111111111111, 'order_id' => 4111111111111111, 'contact' => 'mail jane.doe@example.com', 'count' => 42, 'x[password=hunter3]' => 'v', 'uuid' => '123e4567-e89b-12d3-a456-426614174000' } }
  expect('card, e-mail and key secret replaced; the rest kept') do |events|
    e = events.first.to_hash
    e['amount'] == '[REDACTED_CARD]' && e['order_id'] == 4111111111111111 && !e['contact'].include?('jane.doe') && e['count'] == 42 &&
      e['x[password=[REDACTED]]'] == '[REDACTED]' && !e.keys.join.include?('hunter3') && e['uuid'] == '123e4567-e89b-12d3-a456-426614174000'
  end
end
