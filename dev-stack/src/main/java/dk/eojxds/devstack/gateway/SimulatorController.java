package dk.eojxds.devstack.gateway;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a developer see which synthetic citizens the simulator serves (fictitious CPR numbers). */
@RestController
class SimulatorController {

    private final FeedSimulator simulator;
    private final SimulatedGateway gateway;

    SimulatorController(FeedSimulator simulator, SimulatedGateway gateway) {
        this.simulator = simulator;
        this.gateway = gateway;
    }

    @GetMapping("/simulator/citizens")
    List<Map<String, String>> citizens() {
        return simulator.citizens().stream()
                .map(c -> Map.of("cpr", c.cpr().value(), "municipality", c.municipality().name(),
                        "sor", c.municipality().sor().value()))
                .toList();
    }

    /** {@code POST /simulator/pause?paused=true|false}: stop or resume the simulated deliveries. */
    @org.springframework.web.bind.annotation.PostMapping("/simulator/pause")
    Map<String, Object> pause(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "true") boolean paused) {
        simulator.pause(paused);
        return Map.of("paused", paused, "resources", gateway.size());
    }

    /**
     * {@code GET /simulator/status}: {@code resources} the gateway holds (a report counts once),
     * {@code entries} the distinct resources a reader of every feed stores (a report's entries one
     * by one).
     */
    @GetMapping("/simulator/status")
    Map<String, Object> status() {
        return Map.of("resources", gateway.size(), "entries", gateway.entries());
    }
}
