package io.vecsync.platform;

/** Something went wrong talking to the platform; the subclasses say what the caller can do about it. */
public class PlatformException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
