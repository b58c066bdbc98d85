require 'bigdecimal'

# What an event stores and hands back, as logstash-core 8.17.4 converts values:
# - on the way in, Valuefier.convert (Valuefier.java:107-186): strings, symbols, integers,
#   floats, BigDecimal, true/false/nil and LogStash::Timestamp are kept AS THE SAME OBJECT
#   (so a later `<<` on the string shows in the event); Time becomes a LogStash::Timestamp;
#   hashes and arrays are copied, hash keys become strings (ConvertedMap.java:65-77: a
#   non-string key through its to_s); anything else raises MissingConverterException.
# - on the way out, Rubyfier.deep (Rubyfier.java:53-118): hashes and arrays are fresh
#   copies, scalars the same objects.
# - Cloner.deep (Cloner.java): fresh containers and copies of the strings too.
# Hash order: a ConvertedMap is an IdentityHashMap, whose order Logstash does not define;
# here it is insertion order.
module LogStash
  module StandIn
    module Valuefier
      module_function

      def convert(value)
        case value
        when ::String, ::Symbol, ::Integer, ::Float, ::BigDecimal, true, false, nil, LogStash::Timestamp then value
        when ::Hash then convert_hash(value)
        when ::Array then value.map { |v| convert(v) }
        when ::Time then LogStash::Timestamp.new(value)
        when Java::JavaLang::Object
          raise Unmodelled, "a Java object (#{value.java_class.name}) as a field value: Valuefier.java:50-65 unwraps it, the stand-in does not"
        else raise JavaErrors.missing_converter(value)
        end
      end

      def convert_hash(hash)
        result = {}
        hash.each { |k, v| result[k.is_a?(::String) ? k.dup.freeze : k.to_s.freeze] = convert(v) }
        result
      end

      def rubyfy(value)
        case value
        when ::Hash then value.each_with_object({}) { |(k, v), h| h[k] = rubyfy(v) }
        when ::Array then value.map { |v| rubyfy(v) }
        when Accessors::JAVA_NULL then nil
        else value
        end
      end

      def deep_clone(value)
        case value
        when ::Hash then value.each_with_object({}) { |(k, v), h| h[k] = deep_clone(v) }
        when ::Array then value.map { |v| deep_clone(v) }
        when ::String then value.dup
        else value
        end
      end
    end
  end
end
