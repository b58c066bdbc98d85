package org.logstash;

/** Stand-in holding logstash-core 8.17.4's FieldReference.IllegalSyntaxException (FieldReference.java:24-29). */
public final class FieldReference {
    private FieldReference() {
    }

    public static class IllegalSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public IllegalSyntaxException(final String message) {
            super(message);
        }
    }
}
