package io.vecsync.bench;

import javax.management.AttributeNotFoundException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector's count of points its tasks wrote (after their commits), from the tasks' MBeans: looked up until every
 * task has one, then read directly, which costs microseconds, so it can be read every few milliseconds. A task that
 * restarts counts from zero again, so this can fall short of the rows written: the table is counted too.
 */
final class WrittenPoints {

    private static final String ATTRIBUTE = "points-upserted-total";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName pattern;
    private final int tasks;
    private List<ObjectName> found = List.of();

    WrittenPoints(String connector, int tasks) {
        try {
            this.pattern = new ObjectName(SinkTaskMetrics.pattern(connector));
        } catch (JMException e) {
            throw new IllegalArgumentException(connector, e);
        }
        this.tasks = tasks;
    }

    long read() {
        try {
            return sum();
        } catch (JMException e) {
            throw new IllegalStateException("reading " + ATTRIBUTE + " of " + pattern, e);
        }
    }

    private long sum() throws JMException {
        if (found.size() < tasks) {
            List<ObjectName> withCount = new ArrayList<>();
            for (ObjectName name : server.queryNames(pattern, null)) {
                try {
                    server.getAttribute(name, ATTRIBUTE);
                    withCount.add(name);
                } catch (AttributeNotFoundException connectorLevel) {
                    // The connector's own MBean carries no count.
                } catch (InstanceNotFoundException stopped) {
                    // A task stopped since the query; its successor registers anew.
                }
            }
            found = withCount;
        }
        long total = 0;
        for (ObjectName name : found) {
            try {
                total += ((Number) server.getAttribute(name, ATTRIBUTE)).longValue();
            } catch (InstanceNotFoundException restarted) {
                // A task restarted (its count starts again): look its MBean up anew next time.
                found = List.of();
            }
        }
        return total;
    }
}
