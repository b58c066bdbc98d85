# The ruby filter as logstash-filter-ruby v3.1.8 runs it (lib/logstash/filters/ruby.rb; line
# numbers from that file), with Filters::Base#multi_filter (logstash-core 8.17.4
# lib/logstash/filters/base.rb:170-180) for the events it yields. Options arrive already
# parsed from the pipeline (strings, numbers, hashes).
module LogStash
  module Filters
    class Base; end

    class Ruby < Base
      include ::LogStash::Util::Loggable

      class ScriptError < ::StandardError; end # ruby.rb:28

      # For the harness: which events reached filter_matched, and the exception rescued last.
      attr_reader :matched, :last_exception, :last_tags

      # ruby.rb:32-58: a `path` script is read, loaded and its tests run at construction.
      def initialize(params)
        @params = params
        @init = params['init']
        @code = params['code']
        @path = params['path']
        @script_params = params.fetch('script_params', {})
        @tag_on_exception = params.fetch('tag_on_exception', '_rubyexception')
        @tag_with_exception_message = params.fetch('tag_with_exception_message', false)
        @logger = StandIn::Logger.new('logstash.filters.ruby')
        @matched = {}.compare_by_identity
        return unless @path

        @script = Script.new(@path, @script_params, params.fetch('script_source'))
        @script.load
        @script.test
      end

      # ruby.rb:60-72.
      def register
        if @code && @path.nil?
          eval(@init, binding, '(ruby filter init)') if @init
          eval("define_singleton_method :filter_method do |event, &new_event_block|\n #{@code} \nend", binding, '(ruby filter code)')
        elsif @path && @code.nil?
          @script.register
        else
          @logger.fatal('You must either use an inline script with the "code" option or a script file using "path".')
        end
      rescue ::ScriptError => e # SyntaxError, LoadError etc.
        raise if e.is_a?(StandIn::Control)
        @logger.error('error in register', message: e.message, exception: e.class, backtrace: e.backtrace)
        fail("unexpected error: #{e}")
      end

      # ruby.rb:74-85.
      def self.check_result_events!(results)
        raise "Custom script did not return an array from 'filter'. Only arrays may be returned!" unless results.is_a?(Array)

        results.each do |r_event|
          next if r_event.is_a?(::LogStash::Event)

          raise "Custom script returned a non event object '#{r_event.inspect}'!" \
                ' You must an array of events from this function! To drop an event simply return nil.'
        end
      end

      # base.rb:170-180: the event first, then what the filter yielded; cancelled events are
      # dropped later by the pipeline (Utils.copyNonCancelledEvents).
      def multi_filter(events)
        result = []
        events.each do |event|
          next if event.cancelled?

          result << event
          filter(event) { |new_event| result << new_event }
        end
        result
      end

      # ruby.rb:87-93.
      def filter(event, &block)
        @last_exception = nil
        @last_tags = []
        if @code
          inline_script(event, &block)
        elsif @path
          file_script(event, &block)
        end
      end

      # ruby.rb:95-106: ANY exception is rescued here (rescue Exception).
      def inline_script(event, &block)
        filter_method(event, &block)
        filter_matched(event)
      rescue StandIn::Control
        raise
      rescue Exception => e # rubocop:disable Lint/RescueException -- as ruby.rb:98 does
        @last_exception = e
        @logger.error("Ruby exception occurred: #{e.message}", class: e.class.name, backtrace: e.backtrace)
        tag_exception(event, e)
      end

      # ruby.rb:108-139: only StandardError (and Java exceptions) are rescued; filter_matched
      # runs BEFORE the results are checked; the event is cancelled unless it was returned.
      def file_script(event)
        begin
          results = @script.execute(event)
          filter_matched(event)
          self.class.check_result_events!(results)
        rescue => e
          @last_exception = e
          tag_exception(event, e)
          @logger.error('Could not process event: ' + e.message, script_path: @path, class: e.class.name, backtrace: e.backtrace)
          return event
        end

        returned_original = false
        results.each do |r_event|
          if event == r_event
            returned_original = true
          else
            yield r_event
          end
        end
        event.cancel unless returned_original
      end

      private

      # ruby.rb:102-105 and :115-118.
      def tag_exception(event, error)
        tags = @tag_with_exception_message ? ["#{@tag_on_exception}: #{error}", @tag_on_exception] : [@tag_on_exception]
        tags.each { |tag| event.tag(tag) }
        @last_tags = tags
      end

      # Filters::Base#filter_matched (base.rb:195-226): add_field/add_tag/remove_* are applied by
      # the harness's engine, which is told which events got here.
      def filter_matched(event)
        @matched[event] = true
      end
    end
  end
end
