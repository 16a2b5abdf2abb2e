package io.vecsync.query;

/** The platform could not embed a query now; the caller may try again after {@link #retryAfterSeconds()}. */
final class EmbeddingUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final long retryAfterSeconds;

    /** @param status 502 when the platform answered badly or not at all, 503 when it said it is busy or timed out */
    EmbeddingUnavailableException(int status, long retryAfterSeconds, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
