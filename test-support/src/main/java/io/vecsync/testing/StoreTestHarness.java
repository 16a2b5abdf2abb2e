package io.vecsync.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A store module's test harness registered as a test class's extension: reset after each test, and after the last
 * reset once more and released.
 */
public abstract class StoreTestHarness implements AfterEachCallback, AfterAllCallback, AutoCloseable {

    /** Stops the tasks started and clears the store: a clean slate for the next test. */
    public abstract void reset();

    /** Releases what the harness holds: fakes, clients. */
    protected abstract void release();

    @Override
    public final void afterEach(ExtensionContext context) {
        reset();
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public final void close() {
        reset();
        release();
    }
}
