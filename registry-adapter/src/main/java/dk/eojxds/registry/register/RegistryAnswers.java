package dk.eojxds.registry.register;

import dk.eojxds.model.Backoff;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.stereotype.Component;

/**
 * What a registry answer means for the work item: done, try again later (busy, registry error,
 * transport), or park for an operator (metadata errors, unknown patient, and the like); and when
 * to try again (exponential backoff with jitter, so that many items do not hit a recovering
 * registry at once).
 */
@Component
class RegistryAnswers {

    enum Verdict { DONE, RETRY, PARK }

    private final RegistryProperties properties;
    private final Clock clock = Clock.systemUTC();

    RegistryAnswers(RegistryProperties properties) {
        this.properties = properties;
    }

    Verdict judge(Response response, ErrorCode alreadyDone) {
        if (response.getStatus() == Status.SUCCESS) {
            return Verdict.DONE;
        }
        if (!response.getErrors().isEmpty() && response.getErrors().stream()
                .allMatch(e -> e.getErrorCode() == alreadyDone)) {
            return Verdict.DONE;
        }
        boolean busy = response.getErrors().stream().anyMatch(e -> e.getErrorCode() == ErrorCode.REGISTRY_BUSY
                || e.getErrorCode() == ErrorCode.REGISTRY_ERROR
                || "XDSRegistryOutOfResources".equals(e.getCustomErrorCode()));
        return busy ? Verdict.RETRY : Verdict.PARK;
    }

    static String describe(Response response) {
        return response.getStatus() + ": " + response.getErrors().stream()
                .map(RegistryAnswers::describe).collect(Collectors.joining("; "));
    }

    private static String describe(ErrorInfo error) {
        String code = error.getErrorCode() == ErrorCode._USER_DEFINED ? error.getCustomErrorCode()
                : error.getErrorCode().toString();
        return code + " " + error.getCodeContext();
    }

    Instant nextAttempt(int attemptsBefore) {
        return clock.instant().plus(Backoff.jittered(properties.firstRetry(), properties.maxRetry(), attemptsBefore));
    }
}
