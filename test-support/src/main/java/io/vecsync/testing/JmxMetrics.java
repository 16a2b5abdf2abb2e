/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** Reads metrics the way an operator's JMX tooling does. */
public final class JmxMetrics {

    private JmxMetrics() {}

    /** Whether any MBean matches the pattern. */
    public static boolean exists(String objectNamePattern) {
        try {
            return !ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName(objectNamePattern), null)
                    .isEmpty();
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a JMX object name pattern: " + objectNamePattern, e);
        }
    }

    /** The sum of a numeric attribute over every MBean matching the pattern, e.g. {@code kafka.connect:type=plugins,*}. */
    public static double sum(String objectNamePattern, String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double total = 0;
        try {
            for (ObjectName name : server.queryNames(new ObjectName(objectNamePattern), null)) {
                try {
                    Object value = server.getAttribute(name, attribute);
                    if (value instanceof Number number) {
                        total += number.doubleValue();
                    }
                } catch (javax.management.AttributeNotFoundException notHere) {
                    // Other MBeans in the pattern carry other attributes.
                }
            }
        } catch (Exception e) {
            throw new AssertionError("could not read JMX " + objectNamePattern + " " + attribute, e);
        }
        return total;
    }
}
