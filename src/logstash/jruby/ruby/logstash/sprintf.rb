# Event#sprintf: StringInterpolation.evaluate (logstash-core 8.17.4 StringInterpolation.java:45-110).
# `%{field}` (a missing or nil field stays literal; a list joins with ","; a hash is JSON),
# `%{+%s}` (epoch seconds), `%{{java.time pattern}}` and `%{+Joda pattern}` on @timestamp in UTC.
# Joda comes from Debian's libjoda-time-java, which the jruby package depends on.
module LogStash
  module StandIn
    module Sprintf
      JODA_JAR = '/usr/share/java/joda-time.jar'

      module_function

      def evaluate(event, template)
        open = template.index('%{')
        close = open && template.index('}', open)
        return template if open.nil? || close.nil?
        out = +''
        pos = 0
        while open && close
          out << template[pos...open] if open.positive?
          inner = template[(open + 2)...close]
          if '+%s'.start_with?(inner) # String.regionMatches(open + 2, "+%s", 0, close - open - 2)
            stamp = event.timestamp
            out << (stamp.is_a?(Timestamp) ? stamp.to_i.to_s : '')
          elsif template[open + 2] == '{'
            raise java.lang.StringIndexOutOfBoundsException.new("Index #{close + 1} out of bounds for length #{template.length}") if close + 1 >= template.length
            if template[close + 1] == '}'
              close += 1
              stamp = event.timestamp
              out << java_time(stamp, template[(open + 3)...(close - 1)]) if stamp.is_a?(Timestamp)
            else
              out << field(event, inner)
            end
          elsif template[open + 2] == '+'
            stamp = event.timestamp
            out << joda(stamp, template[(open + 3)...close]) if stamp.is_a?(Timestamp)
          else
            out << field(event, inner)
          end
          pos = close + 1
          open = template.index('%{', pos)
          close = open && template.index('}', open)
        end
        out << template[pos..] if pos < template.length
        out
      end

      def field(event, reference)
        ref = begin
          FieldReference.parse(reference)
        rescue FieldReference::IllegalSyntax => e
          raise JavaErrors.illegal_syntax(e.message) # not caught by JrubyEventExtLibrary.java:186-193
        end
        value = event.unconverted(ref)
        return "%{#{reference}}" if value.nil? || value.equal?(Accessors::JAVA_NULL)
        case value
        when ::Array then join(value)
        when ::Hash then JacksonJson.generate(value, hash_map_order: true)
        else Javaish.javafied_to_s(value)
        end
      end

      # KeyNode.java: nested lists flattened, null as "".
      def join(list)
        list.map { |v| v.nil? || v.equal?(Accessors::JAVA_NULL) ? '' : (v.is_a?(::Array) ? join(v) : Javaish.javafied_to_s(v)) }.join(',')
      end

      def java_time(stamp, pattern)
        java.time.format.DateTimeFormatter.ofPattern(pattern).withZone(java.time.ZoneOffset::UTC).format(stamp.instant)
      end

      def joda(stamp, pattern)
        raise Unmodelled, "sprintf %{+#{pattern}}: Joda-Time is missing (#{JODA_JAR})" unless File.exist?(JODA_JAR)
        require JODA_JAR
        utc = Java::OrgJodaTime::DateTimeZone::UTC
        formatter = Java::OrgJodaTimeFormat::DateTimeFormat.forPattern(pattern).withZone(utc)
        Java::OrgJodaTime::DateTime.new(stamp.instant.toEpochMilli, utc).toString(formatter)
      end
    end
  end
end
