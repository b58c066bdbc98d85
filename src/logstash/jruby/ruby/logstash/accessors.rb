# Reading and writing inside an event's hashes and arrays, as logstash-core 8.17.4's
# Accessors.java does (line numbers from that file). Containers here are the event's own
# Hash/Array objects (ConvertedMap/ConvertedList there); a field holding nil EXISTS.
module LogStash
  module StandIn
    module Accessors
      # A list padded past its end gets Java nulls (Accessors.java:60-70), which count as
      # absent, whereas a nil the script stored is a RubyNil, which counts as present. This
      # object is such a Java null; it reads back as nil.
      JAVA_NULL = Object.new.tap { |null| def null.inspect = 'null' }.freeze

      module_function

      def get(data, ref)
        target = find_parent(data, ref)
        target.nil? ? nil : fetch(target, ref.key)
      end

      def set(data, ref, value)
        set_child(find_create_target(data, ref), ref.key, value)
      end

      # :36-42 and :20-27: a list index that is not a number, or out of range, removes nothing.
      def del(data, ref)
        target = find_parent(data, ref)
        case target
        when ::Hash then target.delete(ref.key)
        when ::Array
          index = list_index(ref.key, target.size)
          removed = index && index >= 0 && index < target.size ? target.delete_at(index) : nil
          removed.equal?(JAVA_NULL) ? nil : removed
        end
      end

      # :29-34: a key holding nil is included in a hash; a list element is only if not nil.
      def includes?(data, ref)
        target = find_parent(data, ref)
        case target
        when ::Hash then target.key?(ref.key)
        when ::Array then fetch_present(target, ref.key)[0]
        else false
        end
      end

      # :72-81: stops (nil) at the first step that is not a hash or an array.
      def find_parent(data, ref)
        target = data
        ref.path.each do |key|
          target = fetch(target, key)
          return nil unless target.is_a?(::Hash) || target.is_a?(::Array)
        end
        target
      end

      # :83-101: creates the missing hashes on the way. A step that EXISTS is used as it is:
      # a scalar there (nil included, it is RubyNil, not null) fails at the next step.
      def find_create_target(data, ref)
        target = data
        create = false
        ref.path.each do |key|
          if create
            result = {}
            target[key] = result
          else
            present, result = fetch_present(target, key)
            create = !present
            if create
              result = {}
              set_child(target, key, result)
            end
          end
          target = result
        end
        target
      end

      # :116-125.
      def set_child(target, key, value)
        case target
        when ::Hash then target[key] = value
        when ::Array then set_on_list(key, value, target)
        else raise JavaErrors.invalid_field_set(target, key, value)
        end
      end

      # :44-70: a non-numeric index sets nothing; past the end, the list grows with nils.
      def set_on_list(key, value, list)
        index = java_parse_int(key)
        return nil if index.nil?
        if index >= list.size
          list.fill(JAVA_NULL, list.size...index)
          list << value
        else
          position = index < 0 ? list.size + index : index
          raise java.lang.IndexOutOfBoundsException.new("Index #{position} out of bounds for length #{list.size}") if position < 0
          list[position] = value
        end
        value
      end

      # :133-144: fetching from anything but a hash is a list cast (Accessors.fetch).
      def fetch(target, key)
        fetch_present(target, key)[1]
      end

      def fetch_present(target, key)
        case target
        when ::Hash then [target.key?(key), target[key]]
        when ::Array
          index = list_index(key, target.size)
          return [false, nil] if index.nil? || index < 0 || index >= target.size
          value = target[index]
          value.equal?(JAVA_NULL) ? [false, nil] : [true, value]
        else raise JavaErrors.class_cast(target, 'org.logstash.ConvertedList')
        end
      end

      # :150-168: Ruby-style negative indices.
      def list_index(key, size)
        i = java_parse_int(key)
        return nil if i.nil?
        i < 0 ? size + i : i
      end

      # Integer.parseInt: optional sign, ASCII digits, within 32 bits.
      def java_parse_int(text)
        return nil unless text =~ /\A[+-]?[0-9]+\z/
        i = text.to_i
        i.between?(-2**31, 2**31 - 1) ? i : nil
      end
    end
  end
end
