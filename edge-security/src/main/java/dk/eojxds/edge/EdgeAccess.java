package dk.eojxds.edge;

import java.util.List;

/**
 * A service's entry points by who may call them, as path patterns (Spring's PathPattern syntax):
 * operators, the gateway's push, and the paths that Spring Security leaves to a gate of their own
 * (ITI-43 behind DGWS). Actuator endpoints are covered by {@link EdgeSecurityConfiguration}
 * itself; every other path is refused.
 */
public record EdgeAccess(List<String> operatorPaths, List<String> pushPaths, List<String> ownGatePaths) {

    public EdgeAccess {
        operatorPaths = List.copyOf(operatorPaths);
        pushPaths = List.copyOf(pushPaths);
        ownGatePaths = List.copyOf(ownGatePaths);
    }
}
