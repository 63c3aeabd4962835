package dk.eojxds.bench;

import dk.eojxds.bench.drill.FailoverDrill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's golden documents, one per family (the conformance tests' own), as the
 * benchmarks' document content: PHMR-DK for TELMA, QRD-DK for K-PRO, the FSIII overview.
 */
record GoldenDocuments(String telma, String kpro, String fsiii) {

    static GoldenDocuments read() {
        Path golden = FailoverDrill.root().resolve("xds-repository-service/src/test/resources/golden");
        try {
            return new GoldenDocuments(Files.readString(golden.resolve("phmr-dk.xml")),
                    Files.readString(golden.resolve("qrd-dk.xml")), Files.readString(golden.resolve("fsiii-overview.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
