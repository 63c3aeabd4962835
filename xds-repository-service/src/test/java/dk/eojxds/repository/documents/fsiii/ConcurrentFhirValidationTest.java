package dk.eojxds.repository.documents.fsiii;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import dk.eojxds.repository.documents.GoldenDocumentsTest;
import dk.eojxds.repository.documents.telma.TelmaDocumentFactoryTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * HAPI's full validation of every FSIII overview shape from many threads at once, on a cold
 * context (a new FhirContext and a new validator, nothing loaded yet), as the build workers and the
 * start-up warm-up meet it after a restart. Before the fix this failed intermittently with
 * {@code ConfigurationException: HAPI-0648: null}: HAPI builds its InstanceValidator per
 * validation from a worker context whose caches fill lazily and are not safe to fill from two
 * threads (issue 29). Run 100 times in a row with
 * {@code -Dtest=ConcurrentFhirValidationTest -Deojxds.test.repetitions=100} (docs/documents.md).
 */
class ConcurrentFhirValidationTest {

    private static final Organisation AERO = new Organisation("Ærø Kommune", SorCode.of("1301000016005"));
    private static final int THREADS = 8;
    // each thread validates a few shapes: the race is in the first validations on a cold context
    private static final int SHAPES_PER_THREAD = 4;

    @Test
    void everyShapeValidatesFromManyThreadsOnAColdContext() throws Exception {
        int repetitions = Integer.getInteger("eojxds.test.repetitions", 20);
        for (int run = 0; run < repetitions; run++) {
            validateConcurrentlyOnAColdContext(run);
        }
    }

    private static void validateConcurrentlyOnAColdContext(int run) throws Exception {
        FhirContext fhir = FhirContext.forR4();
        FhirDocumentValidator validator = new FhirDocumentValidator(fhir);
        List<Bundle> shapes = shapes(new FsiiiDocumentBuilder(fhir, FsiiiTerminology.builtIn()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            // the start-up warm-up, racing the first builds as it does after a restart
            results.add(pool.submit(() -> {
                start.await();
                validator.warmUpNow();
                return List.of();
            }));
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                Callable<List<String>> worker = () -> {
                    start.await();
                    List<String> errors = new ArrayList<>();
                    for (int i = 0; i < SHAPES_PER_THREAD; i++) {
                        errors.addAll(validator.errors(shapes.get((offset * SHAPES_PER_THREAD + i) % shapes.size())));
                    }
                    return errors;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                try {
                    assertThat(result.get(5, TimeUnit.MINUTES)).as("run %s", run).isEmpty();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("run " + run + " of a cold context: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Bundle> shapes(FsiiiDocumentBuilder builder) {
        List<Resource> all = GoldenDocumentsTest.fsiiiResources();
        List<Bundle> shapes = new ArrayList<>();
        for (int mask = 1; mask < 1 << all.size(); mask++) {
            List<Resource> some = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    some.add(all.get(i));
                }
            }
            shapes.add(builder.build(GoldenDocumentsTest.citizen(), TelmaDocumentFactoryTest.CITIZEN, some, AERO,
                    Instant.parse("2026-11-20T10:00:00Z"), "9d8c7b6a-5f4e-4d3c-8b2a-19f8e7d6c5b4"));
        }
        return shapes;
    }
}
