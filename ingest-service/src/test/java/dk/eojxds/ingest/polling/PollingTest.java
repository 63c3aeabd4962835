package dk.eojxds.ingest.polling;

import dk.eojxds.ingest.IngestApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the polls against a stub gateway: the service without a web server, its scheduled
 * polls off (the test polls), one attempt per call, the TELMA feed alone. The stub gateway's URL
 * comes from the test class ({@code eojxds.fkg.base-url}); further settings from its
 * {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.config.name=ingest-service", "eojxds.fkg.enabled=false", "eojxds.fkg.max-attempts=1",
        "eojxds.fkg.feeds.kpro.enabled=false", "eojxds.fkg.feeds.fsiii.enabled=false"})
@interface PollingTest {
}
