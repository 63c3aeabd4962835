package dk.eojxds.bench.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Polls every instance's readiness twice a second and keeps the transitions (UP → DOWN → UP). */
final class HealthWatch implements Runnable {

    record Transition(Instant at, String instance, String from, String to) {
    }

    private final ServiceFleet fleet;
    private final Map<String, String> last = new HashMap<>();
    private final List<Transition> transitions = new ArrayList<>();
    private volatile boolean running = true;

    HealthWatch(ServiceFleet fleet) {
        this.fleet = fleet;
    }

    synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            for (ServiceFleet.Instance instance : fleet.instances()) {
                if (instance.service().equals("dev-stack") || !instance.process().isAlive()) {
                    continue;
                }
                String now = fleet.readiness(instance);
                synchronized (this) {
                    String before = last.put(instance.name() + "@" + instance.process().pid(), now);
                    if (before != null && !before.equals(now)) {
                        transitions.add(new Transition(Instant.now(), instance.name(), before, now));
                    }
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
