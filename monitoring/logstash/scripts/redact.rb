# Redaction for the log pipeline: the last filter of monitoring/logstash/pipeline/logstash.conf.
#
# Why a script and not mutate/gsub: gsub touches only the string fields it is told about;
# secrets also arrive in nested objects, in arrays, as numbers (a card number in JSON), and in
# [event][original], which ECS mode fills with the raw input. This walks every value of the
# event, at any depth.
#
# Two kinds of rule:
# - by name: a value under a key that names a secret (password, token, api_key, cookie,
#   authorization, ...) is replaced whole, every leaf of it;
# - by shape: in every string, credentials in URLs, JWTs, Authorization / Cookie headers,
#   key=value secrets (also JSON- and SQL-quoted), card numbers (Luhn-checked) and e-mail
#   addresses are replaced, keeping the text around them readable.
#
# If anything here raises, the event is emptied down to a marker and tagged
# _redaction_failure: a failure must never let the unredacted event through.

REDACTED = '[REDACTED]'.freeze

SECRET_WORDS = %w[
  password passwd passphrase pwd pass secret token auth authorization cookie
  apikey api_key access_key private_key client_secret session_id sessionid set_cookie
  card_number credit_card cc_number cvv cvc
].freeze

# Keys are compared in snake_case, so accessToken, access-token and ACCESS_TOKEN are alike.
def secret_key?(key)
  words = key.to_s.gsub(/([a-z\d])([A-Z])/, '\1_\2').downcase.split(/[^a-z0-9]+/).reject(&:empty?)
  return false if words.empty?
  (0...words.size).any? do |i|
    (i...words.size).any? { |j| SECRET_WORDS.include?(words[i..j].join('_')) }
  end
end

URL_CREDENTIALS = %r{\b([a-z][a-z0-9+.-]*://)([^\s:/@"']+):([^\s/@"']+)@}i
JWT = /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/
AUTHORIZATION = /\b((?:proxy-)?authorization)(\\?["']?)(\s*[:=]\s*)(\\?["']?)(?:(basic|bearer|digest|negotiate|token|apikey)\s+)?[^\s"'\\,;&]+/i
BEARER = /\b(Bearer|Basic)\s+(?=[A-Za-z0-9._~+\/=-]*\d)[A-Za-z0-9._~+\/=-]{16,}/
COOKIE = /\b(set-cookie|cookie)(\\?["']?)(\s*[:=]\s*)(\\?["']?)[^\r\n"\\]+/i
KEY_VALUE = /\b([A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|session[_-]?id|credentials?)(?:[_.-][A-Za-z0-9]+)*)(\\?["']?)(\s*[:=]\s*)(?:(\\?["'])((?:(?!\4).)*)\4|([^\s"'\\,;&)}\]]+))/i
CARD = /(?<![\d-])[2-6](?:[ -]?\d){12,18}(?![\d-])/
EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/

def luhn?(digits)
  sum = 0
  digits.reverse.each_char.with_index do |ch, i|
    d = ch.to_i
    d *= 2 if i.odd?
    sum += d > 9 ? d - 9 : d
  end
  (sum % 10).zero?
end

def redact_text(text)
  out = text.gsub(URL_CREDENTIALS) { "#{$1}#{$2}:#{REDACTED}@" }
  out = out.gsub(JWT, '[REDACTED_JWT]')
  out = out.gsub(AUTHORIZATION) { "#{$1}#{$2}#{$3}#{$4}#{$5 ? "#{$5} " : ''}#{REDACTED}" }
  out = out.gsub(BEARER) { "#{$1} #{REDACTED}" }
  out = out.gsub(COOKIE) { "#{$1}#{$2}#{$3}#{$4}#{REDACTED}" }
  out = out.gsub(KEY_VALUE) { $4 ? "#{$1}#{$2}#{$3}#{$4}#{REDACTED}#{$4}" : "#{$1}#{$2}#{$3}#{REDACTED}" }
  out = out.gsub(CARD) { |m| luhn?(m.delete(' -')) ? '[REDACTED_CARD]' : m }
  out.gsub(EMAIL, '[REDACTED_EMAIL]')
end

# Every leaf of a value stored under a secret key.
def redact_all(value)
  case value
  when Hash then value.each_with_object({}) { |(k, v), h| h[k] = redact_all(v) }
  when Array then value.map { |v| redact_all(v) }
  when nil then nil
  else REDACTED
  end
end

def redact_value(key, value)
  return redact_all(value) if key && secret_key?(key)
  case value
  when Hash then value.each_with_object({}) { |(k, v), h| h[k] = redact_value(k, v) }
  when Array then value.map { |v| redact_value(nil, v) }
  when String then redact_text(value)
  when Integer
    digits = value.abs.to_s
    digits.length.between?(13, 19) && digits.match?(/\A[2-6]/) && luhn?(digits) ? '[REDACTED_CARD]' : value
  else value
  end
end

def register(params); end

def filter(event)
  event.to_hash.each do |key, value|
    next if key == '@timestamp' || key == '@version'
    redacted = redact_value(key, value)
    event.set("[#{key}]", redacted) unless redacted == value
  end
  [event]
rescue StandardError => e
  event.to_hash.each_key { |key| event.remove("[#{key}]") unless key == '@timestamp' || key == 'tags' } rescue nil
  event.set('message', "[REDACTED: redaction failed with #{e.class}]")
  event.tag('_redaction_failure')
  [event]
end

# These run when Logstash loads the pipeline; a failure stops the pipeline from starting.
test 'a password in a nested object and a JSON-quoted one in [event][original]' do
  in_event { { 'user' => { 'password' => 'hunter2' }, 'event' => { 'original' => '{"user":{"password":"hunter2 x"}}' } } }
  expect('both are gone') { |events| !events.first.to_hash.to_s.include?('hunter2') }
end

test 'headers, cookies, JWTs and card numbers in text and arrays' do
  in_event { { 'message' => 'Authorization: Bearer abc123def456ghi789 Cookie: sid=s3cr3t; x=1', 'list' => ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln', '4111 1111 1111 1111'] } }
  expect('none is left') do |events|
    text = events.first.to_hash.to_s
    %w[abc123def456ghi789 s3cr3t eyJzdWIiOiIxMjMifQ 4111].none? { |s| text.include?(s) }
  end
end

test 'a card number sent as a JSON number, an e-mail, and ordinary numbers kept' do
  in_event { { 'amount' => 4111111111111111, 'contact' => 'mail jane.doe@example.com', 'count' => 42 } }
  expect('card and e-mail replaced, the count kept') do |events|
    e = events.first
    e.get('amount') == '[REDACTED_CARD]' && !e.get('contact').include?('jane.doe') && e.get('count') == 42
  end
end
