# LogStash::Event as logstash-core 8.17.4 exposes it to Ruby (ext/JrubyEventExtLibrary.java,
# behaviour from org/logstash/Event.java). Line numbers in comments are from those files.
module LogStash
  class Event
    TIMESTAMP = '@timestamp'.freeze
    VERSION = '@version'.freeze
    METADATA = '@metadata'.freeze
    TAGS = 'tags'.freeze

    # What JrubyEventExtLibrary.RubyEvent wraps: the Java Event. Two Ruby objects can share one
    # (Event#overwrite returns a new one), and script results are told apart by Ruby identity.
    Core = Struct.new(:data, :metadata, :cancelled)

    FieldReference = StandIn::FieldReference
    Accessors = StandIn::Accessors
    Valuefier = StandIn::Valuefier
    TAGS_REF = FieldReference.parse(TAGS)
    TAGS_FAILURE_REF = FieldReference.parse('_tags')

    # Event.java:74-116 (through ConvertedMap.newFromRubyHash): @version defaults to "1",
    # @core.metadata moves aside, illegal tags move to [_tags], @timestamp is parsed or set to now.
    def initialize(data = nil)
      @core = Core.new({}, {}, false)
      case data
      when nil
        @core.data = { VERSION => '1', TIMESTAMP => Timestamp.new }
      when ::Hash then init_from(Valuefier.convert_hash(data))
      else raise TypeError, "wrong argument type #{data.class} (expected Hash)" # :312-322
      end
    end

    # For the wire: an event exactly as the pipeline holds it, without the constructor's checks.
    def self.from_parts(data, metadata) = wrap(Core.new(data, metadata, false))

    def self.wrap(core) = allocate.tap { |event| event.instance_variable_set(:@core, core) }

    def get(reference)
      ref = ref_of(reference)
      Valuefier.rubyfy(unconverted(ref))
    end

    # :113-125, Event.java:200-219.
    def set(reference, value)
      ref = ref_of(reference)
      if ref.timestamp?
        raise TypeError, "wrong argument type #{value.class} (expected LogStash::Timestamp)" unless value.is_a?(Timestamp)
        @core.data[TIMESTAMP] = value
        return value
      end
      converted = Valuefier.convert(value)
      if (ref.tags? && !legal_tags?(converted)) || (ref.path.first == TAGS)
        raise StandIn::JavaErrors.invalid_tags_type(ref, converted)
      end
      case ref.type
      when FieldReference::META_PARENT
        raise StandIn::JavaErrors.class_cast(value, 'java.util.Map') unless converted.is_a?(::Hash)
        @core.metadata = converted
      when FieldReference::META_CHILD then Accessors.set(@core.metadata, ref, converted)
      else Accessors.set(@core.data, ref, converted)
      end
      value
    end

    # :149-155, Event.java:371-383: removing [@core.metadata] empties it and returns the old one.
    def remove(reference)
      ref = ref_of(reference)
      case ref.type
      when FieldReference::META_PARENT
        old = @core.metadata
        @core.metadata = {}
        Valuefier.rubyfy(Valuefier.deep_clone(old))
      when FieldReference::META_CHILD then Valuefier.rubyfy(Accessors.del(@core.metadata, ref))
      else Valuefier.rubyfy(Accessors.del(@core.data, ref))
      end
    end

    # Event.java:245-254.
    def include?(reference)
      ref = ref_of(reference)
      case ref.type
      when FieldReference::META_PARENT then true
      when FieldReference::META_CHILD then Accessors.includes?(@core.metadata, ref)
      else Accessors.includes?(@core.data, ref)
      end
    end

    def cancel
      @core.cancelled = true
      true
    end

    def uncancel
      @core.cancelled = false
      false
    end

    def cancelled? = @core.cancelled

    # Event.java:461-526: a tag already present is not added again; a string [tags] becomes a list.
    def tag(value)
      raise StandIn::Unmodelled, "Event#tag with a #{value.class} (logstash-core takes a String: JrubyEventExtLibrary.java:270)" unless value.is_a?(::String)
      tags = Accessors.get(@core.data, TAGS_REF)
      if tags.nil?
        Accessors.set(@core.data, TAGS_REF, [value.dup])
      else
        list = tags.is_a?(::Array) ? tags.map(&:to_s) : [tags.to_s]
        Accessors.set(@core.data, TAGS_REF, list + [value.dup]) unless list.include?(value)
      end
      nil
    end

    def timestamp = @core.data[TIMESTAMP]

    # :283-290.
    def timestamp=(value)
      raise TypeError, "wrong argument type #{value.class} (expected LogStash::Timestamp)" unless value.is_a?(Timestamp)
      @core.data[TIMESTAMP] = value
    end

    # :200-203: the data, @timestamp and @version included, [@core.metadata] not.
    def to_hash = Valuefier.rubyfy(@core.data)

    # :205-214, Event.java:331-334: copies, with [@core.metadata] only when it holds something.
    def to_hash_with_metadata
      data = Valuefier.deep_clone(@core.data)
      data[METADATA] = Valuefier.deep_clone(@core.metadata) unless @core.metadata.empty?
      Valuefier.rubyfy(data)
    end

    # Event.java:390-396: a deep copy through the constructor; the copy is not cancelled.
    def clone
      data = Valuefier.deep_clone(@core.data)
      data[METADATA] = Valuefier.deep_clone(@core.metadata)
      Event.wrap(Core.new({}, {}, false)).tap { |copy| copy.send(:init_from, data) }
    end
    alias dup clone

    # JrubyEventExtLibrary.java:166-173, Event.java:352-358: takes the other's data (shared)
    # and cancelled state, keeps its own metadata; returns a new Ruby object for this event.
    def overwrite(other)
      raise TypeError, "wrong argument type #{other.class} (expected LogStash::Event)" unless other.is_a?(Event)
      @core.data = other.data_and_metadata[0]
      @core.cancelled = other.cancelled?
      @core.data[TIMESTAMP] = Timestamp.new unless @core.data[TIMESTAMP].is_a?(Timestamp)
      Event.wrap(@core)
    end

    # :175-184, Util.java:35-79.
    def append(other)
      raise TypeError, "wrong argument type #{other.class} (expected LogStash::Event)" unless other.is_a?(Event)
      StandIn::MapMerge.merge(@core.data, other.data_and_metadata[0])
      self
    end

    def sprintf(format) = StandIn::Sprintf.evaluate(self, format.to_s)

    # Event.java:398-408.
    def to_s
      host = @core.data.key?('host') ? field_to_s('host') : '%{host}'
      message = @core.data.key?('message') ? field_to_s('message') : '%{message}'
      stamp = timestamp
      stamp.is_a?(Timestamp) ? "#{stamp} #{host} #{message}" : "#{host} #{message}"
    end

    def to_json(*) = StandIn::JacksonJson.generate(@core.data)

    # For the stand-in's own use (wire, sprintf): the stored values, not copies.
    def unconverted(ref)
      case ref.type
      when FieldReference::META_PARENT then @core.metadata
      when FieldReference::META_CHILD then Accessors.get(@core.metadata, ref)
      else Accessors.get(@core.data, ref)
      end
    end

    def data_and_metadata = [@core.data, @core.metadata]

    private

    def ref_of(reference)
      raise StandIn::Unmodelled, "a #{reference.class} field reference (logstash-core takes a String: JrubyEventExtLibrary.java:106)" unless reference.is_a?(::String)
      FieldReference.for_event_api(reference)
    end

    def field_to_s(field)
      value = @core.data[field]
      value.nil? ? "%{#{field}}" : StandIn::Javaish.javafied_to_s(value)
    end
  end
end
