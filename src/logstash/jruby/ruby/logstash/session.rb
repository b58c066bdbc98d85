# One client connection's requests: its own ruby filters, loaded by id, and the calls on them.
# A request is a JSON object with an "id"; the answer carries the same id, "ok" and either
# its result or an "error" (class, message). Nothing a script does ends the server.
module LogStash
  module StandIn
    class Session
      def initialize
        @filters = {}
      end

      def handle(request)
        case request['op']
        when 'ping' then { 'jruby' => JRUBY_VERSION, 'ruby' => RUBY_VERSION, 'java' => java.lang.System.getProperty('java.version') }
        when 'load' then load_filter(request.fetch('filter'), request.fetch('options'))
        when 'filter' then run_filter(request.fetch('filter'), request.fetch('events'))
        when 'unload' then { 'unloaded' => !@filters.delete(request.fetch('filter')).nil? }
        else raise ArgumentError, "unknown op #{request['op'].inspect} (ping, load, filter, unload)"
        end
      end

      # ruby.rb:51-58 then :60-72: construct (a path script loads and runs its tests), register.
      def load_filter(id, options)
        Logger.capture do |logs|
          plugin = nil
          Thread.current[:logstash_standin_script] = nil
          begin
            plugin = LogStash::Filters::Ruby.new(options)
            plugin.register
          rescue Exception => e # rubocop:disable Lint/RescueException -- reported, whatever it is
            raise if e.is_a?(Control)
            return { 'loaded' => false, 'error' => Session.describe(e), 'tests' => tests_of(plugin, e), 'logs' => logs }
          end
          @filters[id] = plugin
          { 'loaded' => true, 'tests' => tests_of(plugin, nil), 'logs' => logs }
        end
      end

      # Filters::Base#multi_filter per input event, so each output names the input it came from:
      # "input" is that event itself, "new" one the script created. Cancelled events are left
      # out, as the pipeline drops them (Utils.copyNonCancelledEvents).
      def run_filter(id, wire_events)
        plugin = @filters.fetch(id) { raise ArgumentError, "no ruby filter loaded under id #{id.inspect}" }
        events = wire_events.each_with_index.map do |text, i|
          Wire.decode(text)
        rescue Wire::BadEvent => e
          raise ArgumentError, "event #{i} is not a wire event: #{e.message}"
        end
        outputs = []
        inputs = events.each_with_index.map do |event, i|
          Logger.capture do |logs|
            produced = Session.escaping(i) { plugin.multi_filter([event]) }
            produced.each do |out|
              next if out.cancelled?
              outputs << { 'from' => i, 'kind' => out.equal?(event) ? 'input' : 'new', 'event' => Wire.encode(out) }
            end
            report = { 'matched' => plugin.matched.key?(event), 'logs' => logs }
            plugin.matched.clear
            if plugin.last_exception
              report['exception'] = Session.describe(plugin.last_exception)
              report['tagsApplied'] = plugin.last_tags
            end
            report
          end
        end
        { 'outputs' => outputs, 'inputs' => inputs }
      end

      # The script's test blocks, also when its construction failed (Script#initialize notes it).
      def tests_of(_plugin, _error)
        script = Thread.current[:logstash_standin_script]
        script ? script.test_reports : []
      end

      # What passes the filter's own rescue (a path script's non-StandardError) ends a real
      # pipeline worker; here it ends the request, saying so.
      class Escaped < ::StandardError; end

      def self.escaping(index)
        yield
      rescue Control
        raise
      rescue Exception => e # rubocop:disable Lint/RescueException
        raise Escaped, "event #{index}: #{e.class}: #{e.message} escaped the ruby filter's rescue (ruby.rb:114 takes StandardError): in Logstash the pipeline worker would stop"
      end

      def self.describe(error)
        { 'class' => error.class.name, 'message' => error.message.to_s }
      end
    end
  end
end
