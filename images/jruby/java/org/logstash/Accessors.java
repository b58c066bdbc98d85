package org.logstash;

/**
 * Stand-in for logstash-core 8.17.4's org.logstash.Accessors, holding only its exception, so that
 * a script rescuing it sees the class Logstash throws. The message is formatted by the Ruby side
 * (src/logstash/jruby/ruby/logstash/java_errors.rb), as Accessors.java:103-114 formats it.
 */
public final class Accessors {
    private Accessors() {
    }

    public static class InvalidFieldSetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidFieldSetException(final String message) {
            super(message);
        }
    }
}
