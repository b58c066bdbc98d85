# A `path` script of the ruby filter, as logstash-filter-ruby v3.1.8 runs it
# (lib/logstash/filters/ruby/script.rb and script/*.rb; line numbers from those files).
# The source comes with the request (Logstash reads it from `path`; script.rb:8); `path` names
# it in messages and backtraces.
module LogStash
  module Filters
    class Ruby
      class Script
        include ::LogStash::Util::Loggable

        attr_reader :content, :script_path, :context

        def initialize(script_path, parameters, content)
          @content = content
          @script_path = script_path
          @context = Context.new(self, parameters)
          Thread.current[:logstash_standin_script] = self # for the harness's test report
        end

        # script.rb:13-21.
        def load
          @context.load_script
          raise 'Script does not define a filter! Please ensure that you have defined a filter method!' unless @context.execution_context.methods.include?(:filter)
        rescue => e
          raise ::LogStash::Filters::Ruby::ScriptError, "Error during load of '#{script_path}': #{e.inspect}"
        end

        # script.rb:23-27.
        def register
          @context.execute_register
        rescue => e
          raise ::LogStash::Filters::Ruby::ScriptError, "Error during register of '#{script_path}': #{e.inspect}"
        end

        def execute(event) = @context.execute_filter(event)

        # script.rb:33-39.
        def test
          results = @context.execute_tests
          logger.info('Test run complete', script_path: script_path, results: results)
          return unless results[:failed] > 0 || results[:errored] > 0

          raise ::LogStash::Filters::Ruby::ScriptError, "Script '#{script_path}' had #{results[:failed] + results[:errored]} failing tests! Check the error log for details."
        end

        # For the harness: every test block and what each of its expectations gave.
        def test_reports = @context.test_contexts.map(&:report)

        # A blank object the script is instance_eval'd into (script/execution_context.rb).
        class ExecutionContext
          def initialize(name, logger)
            @__name__ = name
            @__logger__ = logger
          end

          def logger = @__logger__

          def register(params)
            logger.debug("skipping register since the script didn't define it")
          end

          def to_s = "<ExecutionContext #{@__name__}>"
        end

        # script/context.rb.
        class Context
          include ::LogStash::Util::Loggable

          attr_reader :script, :execution_context, :test_contexts

          def initialize(script, parameters)
            @script = script
            @script_path = script.script_path
            @parameters = parameters
            @test_contexts = []
          end

          # context.rb:19-32: in test mode `test` does nothing; otherwise it defines a test.
          def make_execution_context(name, test_mode)
            execution_context = ExecutionContext.new(name, logger)
            this = self
            if test_mode
              execution_context.define_singleton_method(:test) { |_name, &_block| nil }
            else
              execution_context.define_singleton_method(:test) { |test_name, &block| this.test(test_name, &block) }
            end
            execution_context
          end

          def load_execution_context(ec) = ec.instance_eval(@script.content, @script_path, 1)

          def load_script
            @execution_context = make_execution_context(:main, false)
            load_execution_context(@execution_context)
          end

          def execute_register = @execution_context.register(@parameters)

          # context.rb:51-57 (the :shared lock changes nothing with one caller at a time).
          def execute_filter(event) = @execution_context.filter(event)

          # context.rb:59-68.
          def execute_tests
            @test_contexts.map(&:execute).each_with_object({ passed: 0, failed: 0, errored: 0 }) do |res, acc|
              acc[:passed] += res[:passed]
              acc[:failed] += res[:failed]
              acc[:errored] += res[:errored]
            end
          end

          # context.rb:70-74: the test's block runs now, against a fresh copy of the script.
          def test(name, &block)
            test_context = TestContext.new(self, name)
            test_context.instance_eval(&block)
            @test_contexts << test_context
          end
        end
      end
    end
  end
end
