package dk.eojxds.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
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
    // read from /proc (Linux)
    private static final long TICK_NANOS = 10_000_000L;
    private static final java.util.regex.Pattern JVM_THREAD = java.util.regex.Pattern.compile(
            "C[12] CompilerThre|GC Thread#\\d+|G1 .*|VM Thread|VM Periodic Tas");

    private static Map<String, Long> jvmThreads() {
        Map<String, Long> groups = new TreeMap<>();
        eachTask(Path.of("/proc/self/task"), (name, own, children) -> {
            if (JVM_THREAD.matcher(name).matches()) {
                groups.merge("jvm: " + name.replaceAll("\\d+", "N"), own, Long::sum);
            }
        });
        return groups;
    }

    /**
     * CPU time of the PostgreSQL server's processes on this machine (backends, and through the
     * postmaster's children times those that ended), in nanoseconds; 0 where /proc cannot tell.
     */
    static long postgresNanos() {
        long[] nanos = {0};
        eachTask(Path.of("/proc"), (name, own, children) -> {
            if (name.equals("postgres")) {
                nanos[0] += own + children;
            }
        });
        return nanos[0];
    }

    /** A process's or thread's name and CPU time in nanoseconds: its own, and its ended children's. */
    @FunctionalInterface
    private interface TaskCpu {
        void accept(String name, long ownNanos, long childrenNanos);
    }

    // every process (or thread) directory below /proc (or /proc/self/task) that has a name and a
    // stat; times are in clock ticks of 10 ms: utime, stime, cutime, cstime
    private static void eachTask(Path directory, TaskCpu each) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var tasks = Files.list(directory)) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    each.accept(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS,
                            (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * TICK_NANOS);
                } catch (IOException | RuntimeException e) {
                    // not a process, or it ended while read: its time is lost to this count
                }
            });
        } catch (IOException e) {
            // /proc unreadable: nothing to count
        }
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
