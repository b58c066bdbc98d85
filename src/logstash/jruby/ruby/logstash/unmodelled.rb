module LogStash
  module StandIn
    # Errors of the stand-in itself. They pass through every rescue of the ruby filter
    # (even inline code's `rescue Exception`, ruby.rb:98) and end the request with an error.
    module Control; end

    # A behaviour of logstash-core or of the ruby filter that this stand-in does not model. It
    # is a ScriptError (not a StandardError), so a script's `rescue => e` does not swallow it
    # either: never a silent pass.
    class Unmodelled < ::NotImplementedError
      include Control

      def initialize(what)
        super("not modelled by the JRuby stand-in: #{what}")
      end
    end

    # The harness's bound on one request (Logstash has none: a slow script stalls a worker).
    class RequestTimeout < ::Exception # rubocop:disable Lint/InheritException -- must pass `rescue => e`
      include Control
    end
  end
end
