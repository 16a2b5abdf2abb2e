/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Runs the simulator from the command line until the process is killed. */
public final class SimulatorMain {

    private static final Set<String> OPTIONS = Set.of("--port", "--videos", "--api-key", "--seed");

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        PlatformSimulator simulator = PlatformSimulator.builder()
                .port(Integer.parseInt(options.getOrDefault("--port", "8001")))
                .videos(Integer.parseInt(options.getOrDefault("--videos", "50")))
                .apiKey(options.getOrDefault("--api-key", "sk-sim-local"))
                .seed(Long.parseLong(options.getOrDefault("--seed", "42")))
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("Platform simulator listening on " + simulator.baseUrl());
        System.out.println("API key: " + simulator.apiKey());
        Thread.currentThread().join();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                System.err.println(
                        "usage: SimulatorMain [--port 8001] [--videos 50] [--api-key sk-sim-local] [--seed 42]");
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
