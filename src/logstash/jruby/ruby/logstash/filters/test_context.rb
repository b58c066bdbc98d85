# `test` blocks of a ruby filter script: logstash-filter-ruby v3.1.8
# lib/logstash/filters/ruby/script/test_context.rb and expect_context.rb (line numbers from them).
module LogStash
  module Filters
    class Ruby
      class Script
        class TestContext
          attr_reader :name, :script_context

          # test_context.rb:6-13: each test loads the script again, in test mode.
          def initialize(script_context, name)
            @name = name
            @script_context = script_context
            @expect_contexts = []
            @parameters = {}
            @outcomes = []
            @execution_context = script_context.make_execution_context("Test/#{name}", true)
            @script_context.load_execution_context(@execution_context)
          end

          # test_context.rb:15-25: with a block, registers the script with these parameters.
          def parameters(&block)
            return @parameters unless block

            @parameters = block.call
            raise ArgumentError, "Test parameters must be a hash in #{@name}!" unless @parameters.is_a?(Hash)

            @execution_context.register(@parameters)
          end

          # test_context.rb:27-40.
          def in_event(&block)
            return @in_events unless block

            orig = block.call
            event_hashes = orig.is_a?(Hash) ? [orig] : orig
            event_hashes.each do |e|
              next if e.is_a?(Hash)

              raise ArgumentError, "In event for #{name} must receive either a hash or an array of hashes! got a '#{e.class}' in #{event_hashes.inspect}"
            end
            @in_events = Array(event_hashes).map { |h| ::LogStash::Event.new(h) }
          end
          alias in_events in_event

          # test_context.rb:42-60.
          def execute
            raise 'You must declare an `in_event` to run tests!' unless @in_events

            results = []
            @in_events.each do |e|
              single_result = @execution_context.filter(e)
              ::LogStash::Filters::Ruby.check_result_events!(single_result)
              results += single_result
            end
            @expect_contexts.map { |ec| ec.execute(results) }.each_with_object({ passed: 0, failed: 0, errored: 0 }) do |res, acc|
              acc[res] += 1
            end
          end

          def expect(name, &block)
            @expect_contexts << ExpectContext.new(self, name, block)
          end

          # For the harness.
          def record(outcome) = @outcomes << outcome

          def report = { 'name' => @name.to_s, 'expectations' => @outcomes }
        end

        # expect_context.rb.
        class ExpectContext
          include ::LogStash::Util::Loggable

          attr_reader :name

          def initialize(test_context, name, block)
            @test_context = test_context
            @name = name
            @block = block
          end

          def to_s = "<Expect #{@test_context.name}/#{name}>"

          # expect_context.rb:17-39: false is a failure, an exception an error; both are logged.
          def execute(events)
            begin
              if @block.call(events)
                @test_context.record('name' => name.to_s, 'result' => 'passed')
                return :passed
              end
              result = :failed
              message = "***TEST FAILURE FOR: '#{@test_context.name} #{@name}'***"
              log_hash = {}
            rescue => e
              result = :errored
              message = "***TEST RAISED ERROR: '#{@test_context.name} #{@name}'***"
              log_hash = { 'exception' => e.inspect, 'backtrace' => e.backtrace }
            end
            log_hash.merge!(parameters: @test_context.parameters,
                            in_events: @test_context.in_events.map(&:to_hash_with_metadata),
                            results: events.map(&:to_hash_with_metadata))
            logger.error(message, log_hash)
            @test_context.record('name' => name.to_s, 'result' => result.to_s, 'message' => message, 'exception' => log_hash['exception'])
            result
          end
        end
      end
    end
  end
end
