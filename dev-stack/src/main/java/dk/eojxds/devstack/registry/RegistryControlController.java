package dk.eojxds.devstack.registry;

import java.util.List;
import java.util.Map;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Control of the registry stand-in over HTTP: inject faults, look at what was registered. */
@RestController
class RegistryControlController {

    private final RegistryFaults faults;
    private final InMemoryRegistry registry;

    RegistryControlController(RegistryFaults faults, InMemoryRegistry registry) {
        this.faults = faults;
        this.registry = registry;
    }

    /** Any of: {"down": true}, {"failNext": 3, "errorCode": "XDSRegistryBusy"}, {"delayMillis": 500}, {"rejectPatient": "CPR"}. */
    record Faults(Boolean down, Integer failNext, String errorCode, Long delayMillis, String rejectPatient) {
    }

    @PostMapping("/simulator/registry/faults")
    Map<String, String> inject(@RequestBody Faults request) {
        if (request.down() != null) {
            faults.down(request.down());
        }
        if (request.failNext() != null) {
            ErrorCode code = request.errorCode() == null ? ErrorCode.REGISTRY_BUSY
                    : java.util.Arrays.stream(ErrorCode.values()).filter(c -> request.errorCode().equals(c.getOpcode()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown XDS error code " + request.errorCode()));
            faults.failNext(request.failNext(), code);
        }
        if (request.delayMillis() != null) {
            faults.delay(request.delayMillis());
        }
        if (request.rejectPatient() != null) {
            faults.rejectPatient(request.rejectPatient());
        }
        return Map.of("faults", "set");
    }

    @DeleteMapping("/simulator/registry/faults")
    Map<String, String> clear() {
        faults.clear();
        return Map.of("faults", "cleared");
    }

    /** What the stand-in was sent (InMemoryRegistry.Counts): for drills and tests. */
    @GetMapping("/simulator/registry/counts")
    InMemoryRegistry.Counts counts() {
        return registry.counts();
    }

    @GetMapping("/simulator/registry/documents")
    List<Map<String, String>> documents(@RequestParam String patient) {
        return registry.findDocuments(patient, List.of()).stream().map(RegistryControlController::summary).toList();
    }

    private static Map<String, String> summary(DocumentEntry entry) {
        return Map.of("uniqueId", entry.getUniqueId(), "entryUuid", entry.getEntryUuid(), "status",
                entry.getAvailabilityStatus().toString(), "mimeType", entry.getMimeType(), "title",
                entry.getTitle() == null ? "" : entry.getTitle().getValue());
    }
}
