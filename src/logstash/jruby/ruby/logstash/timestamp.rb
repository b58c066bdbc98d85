# LogStash::Timestamp as logstash-core 8.17.4 defines it (ext/JrubyTimestampExtLibrary.java,
# org/logstash/Timestamp.java): an instant with nanoseconds, printed in UTC with at least
# three fraction digits. Built on java.time, as Timestamp.java is.
module LogStash
  class TimestampParserError < ::StandardError; end # RubyUtil.java:528-529

  class Timestamp
    include Comparable

    ISO_INSTANT_MILLIS = java.time.format.DateTimeFormatterBuilder.new.appendInstant(3).toFormatter
                             .withResolverStyle(java.time.format.ResolverStyle::STRICT)

    # Timestamp.java:144-158: what a string @timestamp may look like (yyyy-MM-dd, an optional
    # T time, an optional zone or offset; the JVM's zone otherwise, UTC in our containers).
    LENIENT = java.time.format.DateTimeFormatterBuilder.new
                  .parseCaseInsensitive
                  .append(java.time.format.DateTimeFormatter::ISO_LOCAL_DATE)
                  .optionalStart.appendLiteral('T').append(java.time.format.DateTimeFormatter::ISO_LOCAL_TIME).optionalEnd
                  .optionalStart.appendZoneOrOffsetId.optionalEnd
                  .optionalStart.appendOffset('+HHmmss', 'Z').optionalEnd
                  .parseDefaulting(java.time.temporal.ChronoField::HOUR_OF_DAY, 0)
                  .parseDefaulting(java.time.temporal.ChronoField::MINUTE_OF_HOUR, 0)
                  .parseDefaulting(java.time.temporal.ChronoField::SECOND_OF_MINUTE, 0)
                  .parseDefaulting(java.time.temporal.ChronoField::NANO_OF_SECOND, 0)
                  .toFormatter
                  .withZone(java.time.ZoneId.systemDefault)
                  .withLocale(java.util.Locale.getDefault)
                  .withDecimalStyle(java.time.format.DecimalStyle.of(java.util.Locale.getDefault))

    attr_reader :instant

    # Timestamp.java:160-167; raises ArgumentError carrying Java's IllegalArgumentException text.
    def self.parse_instant(text)
      java.time.Instant.from(LENIENT.parse(text))
    rescue Java::JavaTimeFormat::DateTimeParseException, Java::JavaTime::DateTimeException
      begin
        java.time.Instant.from(LENIENT.withDecimalStyle(java.time.format.DecimalStyle::STANDARD).parse(text))
      rescue Java::JavaTimeFormat::DateTimeParseException, Java::JavaTime::DateTimeException
        raise ArgumentError, "Invalid ISO8601 input `#{text}`"
      end
    end

    def self.from_instant(instant)
      allocate.tap { |t| t.instance_variable_set(:@instant, instant) }
    end

    # JrubyTimestampExtLibrary.java:56-81.
    def initialize(time = nil)
      @instant =
        case time
        when nil then java.time.Instant.now
        when ::Time then java.time.Instant.ofEpochSecond(time.to_i, time.nsec)
        when ::String
          begin
            Timestamp.parse_instant(time)
          rescue ArgumentError
            raise TimestampParserError, "invalid timestamp string format #{time}"
          end
        else raise TypeError, "wrong argument type #{time.class} (expected Time)"
        end
    end

    def self.now = new

    # :191-202: Time.at's arguments.
    def self.at(*args) = new(::Time.at(*args))

    # :173-189.
    def self.parse_iso8601(time)
      raise TypeError, "wrong argument type #{time.class} (expected String)" unless time.is_a?(::String)
      from_instant(parse_instant(time))
    rescue ArgumentError => e
      raise TimestampParserError, "invalid timestamp format #{e.message}"
    end

    # :148-171.
    def self.coerce(time)
      case time
      when Timestamp then time
      when ::Time then new(time)
      when ::String then parse_iso8601(time)
      end
    end

    # Timestamp.java:96-100.
    def to_s
      (instant.getNano.zero? ? ISO_INSTANT_MILLIS : java.time.format.DateTimeFormatter::ISO_INSTANT).format(instant)
    end
    alias inspect to_s
    alias to_iso8601 to_s

    def to_json(*) = "\"#{self}\""
    def to_i = instant.getEpochSecond
    def to_f = instant.getEpochSecond + instant.getNano / 1_000_000_000.0
    def usec = instant.getNano / 1000
    alias tv_usec usec
    def nsec = instant.getNano
    alias tv_nsec nsec
    def year = instant.atOffset(java.time.ZoneOffset::UTC).getYear
    def utc = self
    alias gmtime utc
    def clone = Timestamp.from_instant(instant)
    alias dup clone
    def to_java = instant

    # :83-90: a Time in UTC with the nanoseconds.
    def time = ::Time.at(instant.getEpochSecond, instant.getNano, :nsec).utc

    def <=>(other) = other.is_a?(Timestamp) ? instant.compareTo(other.instant) : nil

    # :281-286.
    def ==(other) = equal?(other) || (other.instance_of?(Timestamp) && instant.equals(other.instant))
    alias eql? ==

    # :288-299.
    def +(other) = time + other
    def -(other) = time - (other.is_a?(Timestamp) ? other.time : other)
  end
end
