# How logstash-core 8.17.4 builds an Event from a hash (Event.java:74-116, 421-459): @version
# defaults to "1", [@metadata] moves aside, illegal tags move to [_tags], @timestamp is parsed
# or set to now. Event.new and Event#clone go through here.
module LogStash
  class Event
    private

    def init_from(data)
      @core.data = data
      @core.data[VERSION] = '1' unless @core.data.key?(VERSION)
      metadata = @core.data.delete(METADATA)
      raise StandIn::JavaErrors.class_cast(metadata, 'java.util.Map') unless metadata.nil? || metadata.is_a?(::Hash)
      @core.metadata = metadata || {}
      tags = Accessors.get(@core.data, TAGS_REF)
      unless legal_tags?(tags) || !@core.data.key?(TAGS)
        Accessors.set(@core.data, TAGS_FAILURE_REF, [tags]) # Event.java:98-105
        Accessors.set(@core.data, TAGS_REF, ['_tagsparsefailure'])
      end
      init_timestamp(@core.data[TIMESTAMP])
    end

    # Event.java:107-116, 421-459.
    def init_timestamp(provided)
      parsed =
        case provided
        when nil then Timestamp.new
        when Timestamp then provided
        when ::String, ::Symbol then (Timestamp.from_instant(Timestamp.parse_instant(provided.to_s)) rescue nil)
        end
      @core.data[TIMESTAMP] = parsed || Timestamp.new
      return if parsed
      tag('_timestampparsefailure')
      Accessors.set(@core.data, FieldReference.parse('_@timestamp'), provided)
    end

    # Event.java:225-238: a string, or a list of strings only.
    def legal_tags?(value)
      value.is_a?(::String) || (value.is_a?(::Array) && value.all? { |v| v.is_a?(::String) })
    end
  end
end
