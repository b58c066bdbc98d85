require 'jruby'

# How logstash-core prints values in its messages: Java's toString() of what the event holds
# (String.format "%s"). Ruby scalars print through their to_s (RubyBasicObject#toString);
# ConvertedMap prints as java.util.AbstractMap does ("{a=1, b=x}"), ConvertedList as
# ConvertedList.java:58-64 ("ConvertedList{delegate=[1, 2]}").
module LogStash
  module StandIn
    module Javaish
      module_function

      def to_s(value)
        case value
        when ::Hash then "{#{value.map { |k, v| "#{k}=#{to_s(v)}" }.join(', ')}}"
        when ::Array then "ConvertedList{delegate=[#{value.map { |v| element_to_s(v) }.join(', ')}]}"
        else value.to_s
        end
      end

      def element_to_s(value)
        value.nil? || value.equal?(Accessors::JAVA_NULL) ? 'null' : to_s(value)
      end

      # Javafier.deep(value).toString(), as Event#to_s and sprintf print a field: Java maps
      # and lists (a HashMap: its own key order), Long, Double (Double.toString: 1.0E20),
      # BigInteger, BigDecimal, Boolean, Timestamp. JRuby turns Ruby scalars into those Java
      # types when they enter a Java collection.
      def javafied_to_s(value)
        case value
        when ::Hash, ::Array then javafy(value).toString
        when ::Float then java.lang.Double.toString(value)
        when ::BigDecimal then value.to_java.toString
        else value.to_s
        end
      end

      def javafy(value)
        case value
        when ::Hash
          map = java.util.HashMap.new
          value.each { |k, v| map.put(k, javafy(v)) }
          map
        when ::Array
          list = java.util.ArrayList.new
          value.each { |v| list.add(javafy(v)) }
          list
        when ::Symbol, LogStash::Timestamp then value.to_s
        when Accessors::JAVA_NULL then nil
        when ::BigDecimal then value.to_java
        else value
        end
      end
    end
  end
end
