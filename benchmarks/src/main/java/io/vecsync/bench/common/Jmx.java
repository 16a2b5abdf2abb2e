/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.lang.management.ManagementFactory;
import java.util.OptionalDouble;
import java.util.Set;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** This JVM's MBeans (the worker's, its clients' and the connectors'), read as an operator's JMX tooling reads them. */
public final class Jmx {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private Jmx() {}

    /** The MBeans matching the pattern, e.g. {@code kafka.connect:type=plugins,connector=c,*}. */
    public static Set<ObjectName> names(String pattern) {
        try {
            return SERVER.queryNames(new ObjectName(pattern), null);
        } catch (JMException e) {
            throw new IllegalArgumentException("not a JMX object name pattern: " + pattern, e);
        }
    }

    public static boolean exists(String pattern) {
        return !names(pattern).isEmpty();
    }

    /** The numeric attribute summed over the MBeans matching the pattern that have it; 0 when none has. */
    public static double sum(String pattern, String attribute) {
        return names(pattern).stream()
                .map(name -> value(name, attribute))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .sum();
    }

    /** The MBean's numeric attribute; empty when it has none, or is gone (a task stopped meanwhile). */
    public static OptionalDouble value(ObjectName name, String attribute) {
        try {
            return SERVER.getAttribute(name, attribute) instanceof Number number
                    ? OptionalDouble.of(number.doubleValue())
                    : OptionalDouble.empty();
        } catch (AttributeNotFoundException | InstanceNotFoundException absent) {
            return OptionalDouble.empty();
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + attribute + " of " + name, e);
        }
    }
}
