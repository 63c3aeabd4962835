package dk.eojxds.repository.documents;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.ConfigurationException;
import ca.uhn.fhir.parser.DataFormatException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/** Which build failures are the document's data and which are tried again, and how long between tries. */
class BuildFailureKindTest {

    @Test
    void theDocumentsDataIsParkedEverythingNotShownToBeItIsTransient() {
        assertThat(BuildFailureKind.of(new InvalidDocumentException("fails its checks"))).isEqualTo(BuildFailureKind.DATA);
        assertThat(BuildFailureKind.of(new DataFormatException("not FHIR"))).isEqualTo(BuildFailureKind.DATA);
        assertThat(BuildFailureKind.of(new IllegalArgumentException("not a SOR code"))).isEqualTo(BuildFailureKind.DATA);
        assertThat(BuildFailureKind.of(new ConfigurationException("HAPI-0648: null")))
                .isEqualTo(BuildFailureKind.TRANSIENT);
        assertThat(BuildFailureKind.of(new QueryTimeoutException("statement timeout")))
                .isEqualTo(BuildFailureKind.TRANSIENT);
        assertThat(BuildFailureKind.of(new DataAccessResourceFailureException("connection lost")))
                .isEqualTo(BuildFailureKind.TRANSIENT);
        assertThat(BuildFailureKind.of(new java.io.UncheckedIOException(new java.io.IOException("reset"))))
                .isEqualTo(BuildFailureKind.TRANSIENT);
        assertThat(BuildFailureKind.of(new NullPointerException())).isEqualTo(BuildFailureKind.TRANSIENT);
    }

    @Test
    void theWaitDoublesUpToItsMaximum() {
        BuildRetryProperties retry = new BuildRetryProperties(Duration.ofSeconds(30), Duration.ofMinutes(30), 10,
                Duration.ofSeconds(10));
        assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(retry.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(retry.backoff(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(retry.backoff(60)).isEqualTo(Duration.ofMinutes(30));
    }
}
