require 'json'
require 'bigdecimal'
require 'bigdecimal/util'

# Events between the harness and JRuby, as "wire JSON" (the contract of issue 9):
#   {"data": {...}, "metadata": {...}}
# Integers are written without "." or exponent, floats always with one ("5.0", "1.0e+20"),
# NaN/Infinity as {"\u0000float": "NaN"}, a LogStash::Timestamp as
# {"\u0000timestamp": "2026-11-26T08:00:00.123456789Z"}, a BigDecimal as
# {"\u0000bigdecimal": "12.50"} (java.math.BigDecimal#toString: digits and scale exact; the json
# filter reads floats as BigDecimal, src/logstash/engine/wire.ts). Ruby's JSON parser already
# reads 5 as Integer and 5.0 as Float.
module LogStash
  module StandIn
    module Wire
      TIMESTAMP_KEY = "\u0000timestamp"
      FLOAT_KEY = "\u0000float"
      BIGDECIMAL_KEY = "\u0000bigdecimal"
      SPECIAL_FLOATS = { 'NaN' => Float::NAN, 'Infinity' => Float::INFINITY, '-Infinity' => -Float::INFINITY }.freeze

      class BadEvent < ::StandardError; end

      module_function

      def decode(text)
        parsed = JSON.parse(text)
        raise BadEvent, 'not a JSON object' unless parsed.is_a?(::Hash)
        data = parsed['data']
        metadata = parsed.fetch('metadata', {})
        raise BadEvent, '"data" must be an object' unless data.is_a?(::Hash)
        raise BadEvent, '"metadata" must be an object' unless metadata.is_a?(::Hash)
        unknown = parsed.keys - %w[data metadata]
        raise BadEvent, "unknown keys #{unknown.inspect}" unless unknown.empty?
        LogStash::Event.from_parts(from_wire(data), from_wire(metadata))
      rescue JSON::ParserError => e
        raise BadEvent, "not JSON: #{e.message.lines.first.strip}"
      end

      def from_wire(value)
        case value
        when ::Hash
          if value.size == 1 && value.key?(TIMESTAMP_KEY)
            LogStash::Timestamp.from_instant(java.time.Instant.parse(value[TIMESTAMP_KEY]))
          elsif value.size == 1 && value.key?(FLOAT_KEY)
            SPECIAL_FLOATS.fetch(value[FLOAT_KEY]) { raise BadEvent, "unknown special float #{value[FLOAT_KEY].inspect}" }
          elsif value.size == 1 && value.key?(BIGDECIMAL_KEY)
            big_decimal(value[BIGDECIMAL_KEY])
          else
            value.transform_values { |v| from_wire(v) }
          end
        when ::Array then value.map { |v| from_wire(v) }
        else value
        end
      end

      def encode(event)
        data, metadata = event.data_and_metadata
        JSON.generate({ 'data' => to_wire(data), 'metadata' => to_wire(metadata) })
      end

      def to_wire(value)
        case value
        when ::Hash then value.each_with_object({}) { |(k, v), h| h[utf8(k)] = to_wire(v) }
        when ::Array then value.map { |v| to_wire(v) }
        when ::String then utf8(value)
        when ::Symbol then utf8(value.to_s) # Jackson writes a symbol as its name (ObjectMappers.java:149-163)
        when ::Float then value.finite? ? value : { FLOAT_KEY => value.nan? ? 'NaN' : (value.positive? ? 'Infinity' : '-Infinity') }
        when LogStash::Timestamp then { TIMESTAMP_KEY => java.time.format.DateTimeFormatter::ISO_INSTANT.format(value.instant) }
        when ::BigDecimal then { BIGDECIMAL_KEY => value.to_java.toString }
        when Accessors::JAVA_NULL then nil
        else value
        end
      end

      # Through java.math.BigDecimal, as Logstash's Rubyfier wraps the Java value: Kernel#BigDecimal
      # would drop the scale of a zero ("0.000" becomes 0).
      def big_decimal(text)
        raise BadEvent, "not a BigDecimal: #{text.inspect}" unless text.is_a?(::String) && text.match?(/\A[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\z/)
        java.math.BigDecimal.new(text).to_d
      end

      # Java reads a Ruby string's bytes as UTF-8, replacing what is not (RubyString#asJavaString).
      def utf8(text)
        return text if text.encoding == Encoding::UTF_8 && text.valid_encoding?
        text.dup.force_encoding(Encoding::UTF_8).scrub("\uFFFD")
      end
    end
  end
end
