package dk.eojxds.ingest.testing;

import dk.eojxds.ingest.IngestApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of ingest-service's HTTP entry points and the code behind them, polls off: the whole
 * service with MockMvc and a database of its own. Every test class so annotated shares one Spring
 * context (and so one database), so each cleans up what it reads, or reads only what it wrote.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = IngestApplication.class, properties = {"spring.config.name=ingest-service",
        "eojxds.fkg.enabled=false"})
@AutoConfigureMockMvc
public @interface IngestApiTest {
}
