# Field references as logstash-core 8.17.4 parses them (org/logstash/FieldReference.java):
# `message`, `[log][level]`, `[@metadata][input]`, with the strict tokenizer that rejects
# anything ambiguous. Escape style "none" (the default of config.field_reference.escape_style).
module LogStash
  module StandIn
    class FieldReference
      # Where the reference points: the event's data, the whole [@metadata], or inside it.
      # FieldReference.java:57-67 (META_PARENT, META_CHILD, DATA_CHILD).
      DATA_CHILD = :data_child
      META_PARENT = :meta_parent
      META_CHILD = :meta_child
      METADATA = '@metadata'.freeze

      attr_reader :path, :key, :type

      def initialize(path, key, type)
        @path = path.freeze
        @key = key.freeze
        @type = type
        freeze
      end

      def ==(other)
        other.is_a?(FieldReference) && type == other.type && key == other.key && path == other.path
      end

      def timestamp?
        type == DATA_CHILD && path.empty? && key == '@timestamp'
      end

      def tags?
        type == DATA_CHILD && path.empty? && key == 'tags'
      end

      # The reference written back in brackets (Event.java:561-565, getCanonicalFieldReference).
      def canonical
        "[#{(path + [key]).join('][')}]"
      end

      # FieldReference.IllegalSyntaxException (FieldReference.java:24-29). Callers decide what
      # it becomes: the Event API turns it into a RuntimeError, sprintf lets it through.
      class IllegalSyntax < ::StandardError; end

      # FieldReference.java:133-140 caches up to 10 000 parsed references. One cache per
      # thread here (each connection of the server has its own worker thread), so no locks.
      def self.parse(reference)
        cache = (Thread.current[:logstash_field_references] ||= {})
        found = cache[reference]
        return found if found
        parsed = from_tokens(tokenize(reference))
        cache[reference.dup.freeze] = parsed if cache.size < 10_000
        parsed
      end

      # As the Event API parses: JrubyEventExtLibrary.java:332-337 rethrows the syntax error as
      # a Ruby RuntimeError carrying the same message.
      def self.for_event_api(reference)
        parse(reference)
      rescue IllegalSyntax => e
        raise ::RuntimeError, e.message
      end

      # FieldReference.java:232-244.
      def self.from_tokens(tokens)
        key = tokens.pop
        if tokens.empty? && key == METADATA
          new([], key, META_PARENT)
        elsif !tokens.empty? && tokens.first == METADATA
          new(tokens.drop(1), key, META_CHILD)
        else
          new(tokens, key, DATA_CHILD)
        end
      end

      # The strict tokenizer, FieldReference.java:256-340: a reference without brackets is one
      # top-level name; with brackets, every fragment must be wholly bracketed.
      def self.tokenize(reference)
        path = []
        seen_bracket = false
        depth = 0
        split_point = 0
        previous = nil
        current = nil
        ambiguous = false
        reference.each_char.with_index do |char, i|
          previous = current
          current = char
          case char
          when '['
            seen_bracket = true
            if split_point != i
              ambiguous = true # a bracket after unbracketed text: `a[b]`, `[a]b[c]`
              break
            end
            depth += 1
            split_point = i + 1
          when ']'
            seen_bracket = true
            if depth <= 0 || (split_point == i && previous != ']')
              ambiguous = true # a close without an open, or an empty fragment `[]`
              break
            end
            path << reference[split_point...i] if split_point < i
            depth -= 1
            split_point = i + 1
          else
            if seen_bracket && previous == ']'
              ambiguous = true # text after a closing bracket: `[a]b`
              break
            end
          end
        end
        return [reference.to_s] unless seen_bracket
        ambiguous = true if depth > 0
        raise IllegalSyntax, "Invalid FieldReference: `#{reference}`" if ambiguous # FieldReference.java:335
        path
      end
    end
  end
end
