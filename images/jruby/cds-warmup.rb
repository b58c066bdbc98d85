# Run once while the image is built, with -XX:ArchiveClassesAtExit: the JVM classes it loads go
# into the class-data-sharing archive every later start maps instead of loading them again.
# It touches what the stand-in server uses: JSON, BigDecimal, sockets, threads, java.time,
# Joni regexps, the exception jar, Joda-Time.
require 'json'
require 'bigdecimal'
require 'socket'
require 'time'
require 'jruby'
require '/opt/logstash-standin/lib/logstash-standin-errors.jar'
require '/usr/share/java/joda-time.jar'

parsed = JSON.parse('{"data":{"n":1,"f":2.5,"s":"x","a":[true,null],"h":{"k":"v"}}}')
JSON.generate(parsed)
BigDecimal('1.50').to_java.toString
java.time.format.DateTimeFormatter::ISO_INSTANT.format(java.time.Instant.now)
java.time.format.DateTimeFormatter.ofPattern('yyyy.MM.dd').withZone(java.time.ZoneOffset::UTC).format(java.time.Instant.now)
Java::OrgJodaTimeFormat::DateTimeFormat.forPattern('YYYY.MM.dd').print(0)
'user password=x token: y'.gsub(/\b(password|token)(\s*[:=]\s*)\S+/i) { "#{$1}#{$2}[REDACTED]" }
begin
  raise Java::OrgLogstash::Accessors::InvalidFieldSetException.new('warm')
rescue => e
  e.message
end
server = TCPServer.new('127.0.0.1', 0)
client = Thread.new { TCPSocket.new('127.0.0.1', server.addr[1]).tap { |s| s.write("{}\n") }.close }
server.accept.gets
client.join
Mutex.new.synchronize { Queue.new.tap { |q| q << 1 }.pop }
puts 'cds warm-up done'
