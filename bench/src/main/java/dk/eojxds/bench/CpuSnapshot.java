package dk.eojxds.bench;

import dk.eojxds.devstack.registry.RegistryCost;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Where the CPU stood at one moment of a run: the JVM's, per thread group, PostgreSQL's, and the
 * registry stand-in's own. Two snapshots give a phase's CPU per document.
 */
record CpuSnapshot(long wallNanos, long jvmNanos, Map<String, Long> threads, long postgresNanos,
                   long registryCalls, long registryNanos) {

    static CpuSnapshot take(RegistryCost registry) {
        return new CpuSnapshot(System.nanoTime(), processCpuNanos(), ThreadCpu.byGroup(), ThreadCpu.postgresNanos(),
                registry.requests(), registry.cpuNanos());
    }

    /** Prints the CPU spent between {@code start} and this snapshot, per document. */
    void printSince(CpuSnapshot start, long documents) {
        double wall = (wallNanos - start.wallNanos) / 1e9;
        double jvmMs = (jvmNanos - start.jvmNanos) / 1e6;
        System.out.printf("  CPU of the whole JVM (load, build, registration, stand-ins) per document: %.1f ms%n",
                jvmMs / documents);
        long calls = registryCalls - start.registryCalls;
        double registryMs = (registryNanos - start.registryNanos) / 1e6;
        System.out.printf("  registry stand-in: %,d calls, %.2f ms CPU per call (%.1f ms per document)%n",
                calls, registryMs / Math.max(1, calls), registryMs / documents);
        ThreadCpu.print(start.threads, threads, documents);
        double postgresMs = (postgresNanos - start.postgresNanos) / 1e6;
        System.out.printf("  PostgreSQL's processes: %.1f ms CPU per document; the cores idle %.0f %% of the phase%n",
                postgresMs / documents, 100 * Math.max(0,
                        1 - (jvmMs + postgresMs) / (Runtime.getRuntime().availableProcessors() * 1000.0 * wall)));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
