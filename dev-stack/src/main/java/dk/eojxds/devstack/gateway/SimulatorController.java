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

    @GetMapping("/simulator/status")
    Map<String, Object> status() {
        return Map.of("resources", gateway.size());
    }
}
