module LogStash
  module StandIn
    # Stands in for the log4j logger a plugin gets: it keeps what the plugin logs, so the
    # harness can report it (e.g. the ruby filter's "Could not process event: ..." error, which
    # carries the exception's message into Logstash's own log). Records go to the current
    # request's list (one per server thread).
    class Logger
      LEVELS = %i[trace debug info warn error fatal].freeze

      def initialize(name)
        @name = name
      end

      LEVELS.each do |level|
        define_method(level) do |message, data = {}|
          sink = Thread.current[:logstash_log_records]
          sink << { 'level' => level.to_s, 'logger' => @name, 'message' => message.to_s, 'data' => Logger.describe(data) } if sink
          nil
        end
        # Logstash's default level is info: debug? and trace? are false.
        define_method(:"#{level}?") { !%i[trace debug].include?(level) }
      end

      # The data logged beside the message, as text (backtraces dropped: they name our files).
      def self.describe(data)
        return {} unless data.is_a?(::Hash)
        data.each_with_object({}) { |(k, v), out| out[k.to_s] = v.to_s unless k.to_s == 'backtrace' }
      end

      # Collects what is logged while the block runs.
      def self.capture
        previous = Thread.current[:logstash_log_records]
        records = Thread.current[:logstash_log_records] = []
        yield records
      ensure
        Thread.current[:logstash_log_records] = previous
      end
    end
  end

  module Util
    # ::LogStash::Util::Loggable: `logger` on instances and classes.
    module Loggable
      def self.included(base)
        base.extend(self)
      end

      def logger
        @logger ||= StandIn::Logger.new(self.is_a?(Module) ? name.to_s : self.class.name.to_s)
      end
    end
  end
end
