package org.logstash;

/** Stand-in holding logstash-core 8.17.4's Event.InvalidTagsTypeException (Event.java:551-566). */
public final class Event {
    private Event() {
    }

    public static class InvalidTagsTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidTagsTypeException(final String message) {
            super(message);
        }
    }
}
