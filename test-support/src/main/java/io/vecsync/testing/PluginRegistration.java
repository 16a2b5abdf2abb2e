/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * The build check that every plugin class a module compiles is listed in {@code META-INF/services}: workers running
 * with {@code plugin.discovery=service_load} see nothing else.
 */
public final class PluginRegistration {

    private static final List<Class<?>> PLUGIN_TYPES = List.of(
            SourceConnector.class,
            SinkConnector.class,
            Converter.class,
            HeaderConverter.class,
            Transformation.class,
            Predicate.class);

    private PluginRegistration() {}

    /**
     * Fails naming every unregistered plugin class, and every registration of a class that does not exist.
     *
     * @param classesDir a module's compiled classes, e.g. {@code target/classes}
     * @return the plugin classes found, so a caller can assert the module has any
     */
    public static List<String> assertAllRegistered(Path classesDir) {
        List<String> problems = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        for (String className : classNames(classesDir)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, PluginRegistration.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (type.isInterface()
                    || Modifier.isAbstract(type.getModifiers())
                    || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Class<?> pluginType : PLUGIN_TYPES) {
                if (pluginType.isAssignableFrom(type)) {
                    plugins.add(className);
                    if (!registered(classesDir, pluginType).contains(className)) {
                        problems.add(className + " is not listed in META-INF/services/" + pluginType.getName());
                    }
                }
            }
        }
        for (Class<?> pluginType : PLUGIN_TYPES) {
            for (String listed : registered(classesDir, pluginType)) {
                if (!plugins.contains(listed)) {
                    problems.add("META-INF/services/" + pluginType.getName() + " lists " + listed
                            + ", which is not a plugin class here");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        return plugins;
    }

    private static Set<String> registered(Path classesDir, Class<?> pluginType) {
        Path services = classesDir.resolve("META-INF/services").resolve(pluginType.getName());
        if (!Files.exists(services)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(services)) {
            return lines.map(line -> line.replaceAll("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> classNames(Path classesDir) {
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(file -> file.toString().endsWith(".class")
                            && !file.getFileName().toString().contains("$"))
                    .map(file -> classesDir
                            .relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.class$", ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
