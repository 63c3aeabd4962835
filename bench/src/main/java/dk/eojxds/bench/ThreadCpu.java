package dk.eojxds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of the JVM's threads, summed per thread group (the name with its numbers replaced by
 * N: {@code document-build-N}, {@code registry-request-N}, ...), so a run can say where its CPU
 * went. Threads that end during a run record their own time with {@link #ended}.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<String, Long> ENDED = new ConcurrentHashMap<>();

    private ThreadCpu() {
    }

    /** Called by a thread at its end: its CPU time counts in its group from then on. */
    static void ended(String group) {
        ENDED.merge(group, THREADS.getCurrentThreadCpuTime(), Long::sum);
    }

    static Map<String, Long> byGroup() {
        Map<String, Long> groups = new TreeMap<>(ENDED);
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && cpu > 0) {
                groups.merge(infos[i].getThreadName().replaceAll("\\d+", "N"), cpu, Long::sum);
            }
        }
        groups.putAll(jvmThreads());
        return groups;
    }

    // the JVM's own threads (compilers, garbage collector) are not Java threads: their CPU time is
    // read from /proc (Linux), in clock ticks of 10 ms
    private static final java.util.regex.Pattern JVM_THREAD = java.util.regex.Pattern.compile(
            "C[12] CompilerThre|GC Thread#\\d+|G1 .*|VM Thread|VM Periodic Tas");

    private static Map<String, Long> jvmThreads() {
        Map<String, Long> groups = new TreeMap<>();
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return groups;
        }
        try (var list = java.nio.file.Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    String name = java.nio.file.Files.readString(task.resolve("comm")).trim();
                    if (JVM_THREAD.matcher(name).matches()) {
                        String stat = java.nio.file.Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        groups.merge("jvm: " + name.replaceAll("\\d+", "N"), ticks * 10_000_000L, Long::sum);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended while read: its time is lost to this count
                }
            });
        } catch (java.io.IOException e) {
            return groups;
        }
        return groups;
    }

    /**
     * CPU time of the PostgreSQL server's processes on this machine (backends, and through the
     * postmaster's children times those that ended), in nanoseconds; 0 where /proc cannot tell.
     */
    static long postgresNanos() {
        long ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path process : (Iterable<java.nio.file.Path>) processes::iterator) {
                try {
                    if (!process.getFileName().toString().matches("\\d+")
                            || !java.nio.file.Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        continue;
                    }
                    String stat = java.nio.file.Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    for (int i = 11; i <= 14; i++) {
                        ticks += Long.parseLong(fields[i]);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the process ended while read
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    /** The groups that took at least 0.1 ms per document between two snapshots, largest first. */
    static void print(Map<String, Long> before, Map<String, Long> after, long documents) {
        System.out.println("  CPU per document by thread group (ms):");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / documents))
                .filter(e -> e.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.printf("    %-40s %6.2f%n", e.getKey(), e.getValue()));
    }
}
