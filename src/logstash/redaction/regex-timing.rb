# Appended to monitoring/logstash/scripts/redact.rb by src/logstash/redaction/regex-timing.ts,
# so it sees the script's constants and methods as the script itself does (one execution
# context). It replaces `filter`: each event names a size and gets back, in [timings], the
# time every Regexp constant of the script takes to gsub each adversarial input, and
# redact_text on each input whole. Thread CPU time is reported beside wall time: on a loaded
# machine the wall clock mostly measures the other processes.

def __adversarial_inputs(size)
  rng = Random.new(20261126)
  pick = ->(alphabet) { Array.new(size) { alphabet[rng.rand(alphabet.size)] }.join }
  b64 = [*'A'..'Z', *'a'..'z', *'0'..'9', '+', '/']
  b64url = [*'A'..'Z', *'a'..'z', *'0'..'9', '-', '_']
  hex = [*'0'..'9', *'a'..'f']
  uuid = -> { h = Array.new(32) { hex[rng.rand(16)] }.join; "#{h[0, 8]}-#{h[8, 4]}-#{h[12, 4]}-#{h[16, 4]}-#{h[20, 12]}" }
  fill = ->(unit) { (unit * (size / unit.bytesize + 1)).byteslice(0, size) }
  {
    'a-a-a' => fill.('a-'), 'a.a.a' => fill.('a.'), 'a_a_a' => fill.('a_'), 'a=a=a' => fill.('a='),
    'a:a:a' => fill.('a:'), 'a@a@a' => fill.('a@'), 'a a a' => fill.('a '), 'a/a/a' => fill.('a/'),
    'base64' => pick.(b64), 'base64url' => pick.(b64url), 'digits 4444' => fill.('4'),
    'random digits' => pick.([*'0'..'9']), 'digits 4 4 4' => fill.('4 '), 'digits 4111-' => fill.('4111-'),
    'uuid chain' => fill.(uuid.() + '-'), 'spaces' => fill.(' '), 'double quotes' => fill.('"'),
    'single quotes' => fill.("'"), 'escaped quotes' => fill.('\\"'), 'backslashes' => fill.('\\'),
    'backticks' => fill.('`'), 'password=' => fill.('password='), 'password="' => fill.('password="'),
    'token-token' => fill.('token-'), 'pass spaces' => ('pass' + fill.(' ')).byteslice(0, size), 'eyJ' => fill.('eyJ'),
    'eyJ.eyJ.' => fill.('eyJabcd.'), 'ghp_' => fill.('ghp_'), 'AKIA' => fill.('AKIA'),
    'BEGIN PRIVATE KEY' => fill.('-----BEGIN PRIVATE KEY-----'), 'dashes' => fill.('-'),
    ':// creds' => fill.('://a:b'), '{{{' => fill.('{'), 'password={' => fill.('password={'),
    '%22' => fill.('%22'), 'password%3D' => fill.('password%3D'), 'Bearer ' => fill.('Bearer '),
    'authorization: ' => fill.('authorization: '), 'cookie=' => fill.('cookie='), '--password ' => fill.('--password '),
    'identified by ' => fill.('identified by '), 'a@b.c.' => ('a@' + fill.('b.')).byteslice(0, size), 'xxx' => fill.('x'),
  }
end

def __wall_ms = Process.clock_gettime(Process::CLOCK_MONOTONIC, :float_millisecond)

# JRuby has no CLOCK_THREAD_CPUTIME_ID; the JVM tells this thread's CPU time.
def __cpu_ms = java.lang.management.ManagementFactory.getThreadMXBean.getCurrentThreadCpuTime / 1_000_000.0

# The fastest of `runs` runs as [cpu ms, wall ms]; a run past `limit_ms` of wall time is
# interrupted (Joni's matcher checks for interrupts) and reported as [limit_ms, limit_ms].
def __time(runs, limit_ms)
  require 'timeout'
  best = nil
  runs.times do
    wall = __wall_ms
    cpu = __cpu_ms
    begin
      Timeout.timeout(limit_ms / 1000.0) { yield }
    rescue Timeout::Error
      return [limit_ms.to_f, limit_ms.to_f]
    end
    t = [__cpu_ms - cpu, __wall_ms - wall]
    best = t if best.nil? || t[0] < best[0]
  end
  best.map { |ms| ms.round(2) }
end

def filter(event)
  size = event.get('[@metadata][size]') || 65_536
  runs = event.get('[@metadata][runs]') || 2
  limit = event.get('[@metadata][limit_ms]') || 60_000
  inputs = __adversarial_inputs(size)
  regexes = singleton_class.constants.sort.map { |c| [c.to_s, singleton_class.const_get(c)] }.select { |_, v| v.is_a?(Regexp) }
  timings = {}
  regexes.each do |name, re|
    timings[name] = inputs.to_h { |label, text| [label, __time(runs, limit) { text.gsub(re, '') }] }
  end
  timings['redact_text (all rules)'] = inputs.to_h { |label, text| [label, __time(runs, limit) { redact_text(text) }] }
  event.set('[timings]', timings)
  event.set('[sizes]', inputs.transform_values(&:bytesize))
  [event]
end
