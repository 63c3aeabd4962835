package dk.eojxds.registry.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

/**
 * Registration is idempotent against a registry that knows more than our database (after a
 * restore to a point in time, or an answer lost in a failover): the registry's answer for a
 * unique id it already holds with the same hash (ITI TF-2b 3.42.4.1.3,
 * XDSDuplicateUniqueIdInRegistry) means the document is registered; the same id with another
 * hash (XDSNonIdenticalHash) is a real conflict an operator must see.
 */
class RegistryAnswersTest {

    private final RegistryAnswers answers = new RegistryAnswers(new RegistryProperties("http://localhost/iti42",
            "http://localhost/iti57", "1.2.208.176.43210.8.1.29", Duration.ofSeconds(1), 10, Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(60), 2, 4, null));

    @Test
    void aUniqueIdTheRegistryAlreadyHoldsIsRegistered() {
        assertThat(answers.judge(failure(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY),
                ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY)).isEqualTo(RegistryAnswers.Verdict.DONE);
    }

    @Test
    void theSameIdWithAnotherHashIsParkedNotTakenForRegistered() {
        assertThat(answers.judge(failure(ErrorCode.NON_IDENTICAL_HASH), ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY))
                .isEqualTo(RegistryAnswers.Verdict.PARK);
    }

    @Test
    void aDuplicateAlongsideAnotherErrorIsNotRegistered() {
        Response response = failure(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY);
        response.getErrors().add(new ErrorInfo(ErrorCode.UNKNOWN_PATIENT_ID, "unknown patient", Severity.ERROR, "p", null));
        assertThat(answers.judge(response, ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY)).isEqualTo(RegistryAnswers.Verdict.PARK);
    }

    @Test
    void aBusyRegistryIsTriedAgain() {
        assertThat(answers.judge(failure(ErrorCode.REGISTRY_BUSY), ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY))
                .isEqualTo(RegistryAnswers.Verdict.RETRY);
    }

    @Test
    void aFailureWithoutErrorsIsNotTakenForDone() {
        assertThat(answers.judge(new Response(Status.FAILURE), ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY))
                .isEqualTo(RegistryAnswers.Verdict.PARK);
    }

    private static Response failure(ErrorCode code) {
        Response response = new Response(Status.FAILURE);
        response.getErrors().add(new ErrorInfo(code, "from the registry", Severity.ERROR, "1.2.3", null));
        return response;
    }
}
