# The Logstash side of the JRuby stand-in: logstash-core's Event API and the ruby filter,
# written from their sources (each file cites what it follows). Loaded by server.rb.
require 'jruby'
require 'json'
require 'bigdecimal'

%w[
  unmodelled javaish java_errors field_reference accessors timestamp valuefier map_merge
  jackson_json sprintf event event_construction logger filters/ruby filters/script filters/test_context wire session
].each { |file| require_relative "logstash/#{file}" }
