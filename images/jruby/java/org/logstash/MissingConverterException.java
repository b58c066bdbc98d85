package org.logstash;

/** Stand-in for logstash-core 8.17.4's MissingConverterException (public here, so Ruby can raise it). */
public final class MissingConverterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingConverterException(final String message) {
        super(message);
    }
}
