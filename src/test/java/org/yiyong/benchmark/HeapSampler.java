package org.yiyong.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The most heap in use while a benchmark's step ran, sampled every 20 ms on a thread of its own. */
final class HeapSampler {

    private volatile boolean running;
    private volatile long most;
    private Thread sampler;

    void start() {
        running = true;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        sampler = new Thread(() -> {
            while (running) {
                long used = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
                most = Math.max(most, used);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() {
        running = false;
    }

    /** The most bytes in use seen since {@link #start}. */
    long most() {
        return most;
    }
}
