# Event#append: Util.mapMerge (logstash-core 8.17.4 Util.java:35-115). Values are shared with
# the other event, as they are in Java; equality is Java's equals, which Ruby's eql? matches
# for the values an event holds (1 and 1.0 differ, strings by content).
module LogStash
  module StandIn
    module MapMerge
      module_function

      def merge(target, add)
        add.each do |key, value|
          unless target.key?(key)
            target[key] = value
            next
          end
          existing = target[key]
          if existing.is_a?(::Hash) && value.is_a?(::Hash)
            merge(existing, value)
          elsif value.is_a?(::Array)
            if existing.is_a?(::Array)
              merged = (existing + value).uniq # LinkedHashSet: first occurrence wins, order kept
              existing.replace(merged)
            else
              target[key] = [existing] + value.reject { |v| existing.eql?(v) }
            end
          elsif existing.is_a?(::Array)
            existing << value unless existing.any? { |v| v.eql?(value) }
          elsif !existing.eql?(value)
            target[key] = [existing, value]
          end
        end
        target
      end
    end
  end
end
