# JSON as logstash-core writes it with Jackson (ObjectMappers.java:25-330): Event#to_json, and
# a hash field in sprintf. Floats as Java prints doubles (1.0E20), NaN and Infinity quoted
# (Jackson's QUOTE_NON_NUMERIC_NUMBERS), BigDecimal as BigDecimal.toString, control
# characters as \uXXXX except the short escapes. `hash_map_order` writes hashes in the order
# a java.util.HashMap iterates them (a Javafier-converted field); otherwise insertion order.
module LogStash
  module StandIn
    module JacksonJson
      SHORT_ESCAPES = { '"' => '\\"', '\\' => '\\\\', "\b" => '\\b', "\f" => '\\f', "\n" => '\\n', "\r" => '\\r', "\t" => '\\t' }.freeze

      module_function

      def generate(value, hash_map_order: false)
        out = +''
        write(out, value, hash_map_order)
        out
      end

      def write(out, value, hash_map_order)
        case value
        when ::Hash
          keys = hash_map_order ? Javaish.javafy(value.keys.to_h { |k| [k, nil] }).keySet.to_a : value.keys
          out << '{'
          keys.each_with_index do |k, i|
            out << ',' if i.positive?
            write_string(out, k)
            out << ':'
            write(out, value[k], hash_map_order)
          end
          out << '}'
        when ::Array
          out << '['
          value.each_with_index do |v, i|
            out << ',' if i.positive?
            write(out, v, hash_map_order)
          end
          out << ']'
        when ::String, ::Symbol, LogStash::Timestamp then write_string(out, value.to_s)
        when ::Float then value.finite? ? out << java.lang.Double.toString(value) : write_string(out, java.lang.Double.toString(value))
        when ::BigDecimal then out << value.to_java.toString
        when ::Integer, true, false then out << value.to_s
        when nil, Accessors::JAVA_NULL then out << 'null'
        else raise Unmodelled, "JSON for a #{value.class}"
        end
      end

      def write_string(out, text)
        out << '"' << text.gsub(/["\\\x00-\x1f]/) { |c| SHORT_ESCAPES[c] || format('\\u%04X', c.ord) } << '"'
      end
    end
  end
end
