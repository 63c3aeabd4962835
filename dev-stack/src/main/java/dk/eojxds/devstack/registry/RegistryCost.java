package dk.eojxds.devstack.registry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the registry stand-in itself costs: the CPU time of the request threads while they serve
 * a registry call (from the first servlet filter to the written answer; Tomcat's reading of the
 * request line and headers is not in it). Benchmarks run the stand-in in the same JVM as the
 * pipeline and report this beside their rates, so that the part of the machine the stand-in takes
 * is visible.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RegistryCost extends OncePerRequestFilter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder requests = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();

    /** Registry calls served so far. */
    public long requests() {
        return requests.sum();
    }

    /** CPU time spent serving them, in nanoseconds. */
    public long cpuNanos() {
        return cpuNanos.sum();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RegistryFaults.isRegistryCall(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            chain.doFilter(request, response);
        } finally {
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - start);
            requests.increment();
        }
    }
}
