# The Java exceptions logstash-core's Event throws past the Ruby API, so that a script's
# `rescue` sees what it would see in Logstash (JRuby rescues Java exceptions with a bare
# `rescue => e`; e.class is e.g. Java::OrgLogstash::Accessors::InvalidFieldSetException).
# The org.logstash classes are our own (images/jruby/java/): same names as logstash-core's, a
# constructor taking the message we format here. The stand-in image has them compiled in a
# jar; elsewhere (the official jruby image, a local jruby) they are compiled at start with
# the JDK's compiler, from LOGSTASH_STANDIN_JAVA_SRC.
module LogStash
  module StandIn
    module JavaErrors
      JAR = ENV['LOGSTASH_STANDIN_JAR'] || '/opt/logstash-standin/lib/logstash-standin-errors.jar'
      SOURCES = ENV['LOGSTASH_STANDIN_JAVA_SRC'] || '/opt/logstash-standin/java'

      def self.compile_sources
        compiler = javax.tools.ToolProvider.getSystemJavaCompiler
        raise LoadError, "no #{JAR}, and this Java (#{ENV_JAVA['java.home']}) has no compiler for #{SOURCES}: use the stand-in image (npm run images:offline) or a JDK" unless compiler
        sources = Dir.glob(File.join(SOURCES, 'org/logstash/*.java'))
        raise LoadError, "no #{JAR} and no Java sources in #{SOURCES}" if sources.empty?
        out = Dir.mktmpdir('logstash-standin-classes')
        status = compiler.run(nil, nil, nil, '-d', out, *sources)
        raise LoadError, "compiling #{SOURCES} failed (javac exit #{status})" unless status.zero?
        $CLASSPATH << "#{out}/"
      end

      if File.exist?(JAR)
        require JAR
      else
        require 'tmpdir'
        compile_sources
      end

      module_function

      # Accessors.java:103-114 (the missing spaces are logstash-core's).
      def invalid_field_set(target, key, value)
        message = "Could not set field '#{key}' on object '#{Javaish.to_s(target)}' to value '#{Javaish.to_s(value)}'." \
                  'This is probably due to trying to set a field like [foo][bar] = someValue' \
                  'when [foo] is not either a map or a string'
        Java::OrgLogstash::Accessors::InvalidFieldSetException.new(message)
      end

      # Event.java:551-566.
      def invalid_tags_type(reference, value)
        message = "Could not set the reserved tags field '#{reference.canonical}' to value '#{Javaish.to_s(value)}'. " \
                  'The tags field only accepts string or array of string.'
        Java::OrgLogstash::Event::InvalidTagsTypeException.new(message)
      end

      # MissingConverterException.java (Valuefier, Rubyfier, Javafier): the Java class of the
      # JRuby object that no converter takes.
      def missing_converter(value)
        java_class = JRuby.reference(value).getClass
        message = "Missing Converter handling for full class name=#{java_class.getName}, simple name=#{java_class.getSimpleName}"
        Java::OrgLogstash::MissingConverterException.new(message)
      end

      def illegal_syntax(message)
        Java::OrgLogstash::FieldReference::IllegalSyntaxException.new(message)
      end

      # A Java cast that fails inside logstash-core (Accessors.fetch on a scalar, Event.setField
      # of [@metadata] to a non-hash). The JVM's message names module loaders; this keeps its
      # first part, which is what a reader needs.
      def class_cast(value, target_class)
        java_class = JRuby.reference(value).getClass.getName
        java.lang.ClassCastException.new("class #{java_class} cannot be cast to class #{target_class}")
      end
    end
  end
end
