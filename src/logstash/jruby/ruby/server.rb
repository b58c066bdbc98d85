# The harness's long-lived JRuby: newline-delimited JSON over TCP, one request per line, each
# answered on one line with the same "id". Every connection has its own filters and its own
# worker thread; a request runs under a time bound, and a script's exception is an answer,
# never the end of the server.
#
#   jruby server.rb --port 7100 [--parent-pid PID]
require 'socket'
require_relative 'standin'

module LogStash
  module StandIn
    class Connection
      GRACE_SECONDS = 5

      def initialize(socket)
        @socket = socket
        @session = Session.new
        @write_lock = Mutex.new
      end

      def run
        while (line = @socket.gets)
          answer(line)
        end
      rescue IOError, SystemCallError
        nil # the client went away
      ensure
        @socket.close rescue nil
      end

      private

      def answer(line)
        request = JSON.parse(line)
        raise ArgumentError, 'a request must be a JSON object with an "id"' unless request.is_a?(::Hash) && request.key?('id')
        reply(request['id'], 'ok' => true, 'result' => bounded(request) { @session.handle(request) })
      rescue JSON::ParserError => e
        reply(nil, 'ok' => false, 'error' => { 'class' => 'JSON::ParserError', 'message' => e.message.lines.first.to_s.strip })
      rescue Exception => e # rubocop:disable Lint/RescueException -- any failure is an answer
        reply(request.is_a?(::Hash) ? request['id'] : nil, 'ok' => false, 'error' => Session.describe(e))
      end

      # The request's own bound (timeoutMs): past it the worker is interrupted (JRuby's regexp
      # matching is interruptible); if it does not stop within a grace period, the connection
      # is given up, and with it this thread.
      def bounded(request)
        limit = request.fetch('timeoutMs', 120_000).to_f / 1000
        worker = Thread.current
        done = false
        watchdog = Thread.new do
          sleep limit
          unless done
            worker.raise(RequestTimeout, "#{request['op']} did not finish within #{request.fetch('timeoutMs', 120_000)} ms")
            sleep GRACE_SECONDS
            @socket.close rescue nil unless done
          end
        end
        result = yield
        done = true
        result
      ensure
        done = true
        watchdog&.kill
      end

      def reply(id, body)
        text = JSON.generate({ 'id' => id }.merge(body))
        @write_lock.synchronize do
          @socket.write(text + "\n")
          @socket.flush
        end
      end
    end

    module Server
      module_function

      def start(argv)
        port = Integer(argv[argv.index('--port') + 1]) if argv.include?('--port')
        parent = Integer(argv[argv.index('--parent-pid') + 1]) if argv.include?('--parent-pid')
        server = TCPServer.new('0.0.0.0', port || 0)
        watch_parent(parent) if parent
        puts "logstash-jruby-standin ready port=#{server.addr[1]} jruby=#{JRUBY_VERSION} ruby=#{RUBY_VERSION} java=#{java.lang.System.getProperty('java.version')}"
        $stdout.flush
        loop do
          socket = server.accept
          Thread.new { Connection.new(socket).run }
        end
      end

      # A local process (not a container) ends with the harness that started it.
      def watch_parent(pid)
        Thread.new do
          loop do
            sleep 2
            Process.kill(0, pid)
          rescue Errno::ESRCH
            exit!(0)
          end
        end
      end
    end
  end
end

LogStash::StandIn::Server.start(ARGV) if $PROGRAM_NAME == __FILE__
