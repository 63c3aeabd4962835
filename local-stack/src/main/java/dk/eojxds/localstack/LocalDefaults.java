package dk.eojxds.localstack;

import dk.eojxds.devstack.sts.TestSts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings that make the services, secure by default, trust the dev-stack's test
 * credentials: the repository accepts ID cards of the test STS (its CA file and subject), every
 * service accepts JWTs of the test issuer (its public key file), and registry-adapter asks the test
 * STS for its own ID card with an organisation certificate of the test CA. Ports 0 (tests) put actuator on
 * a free management port too. A setting given by the caller wins over the default of the same key.
 */
final class LocalDefaults {

    /** A fictitious CVR number for EOJ-XDS's organisation in the local stack. */
    static final String TEST_CVR = "12345678";

    private LocalDefaults() {
    }

    static Map<String, List<String>> withDefaults(Map<String, List<String>> given, boolean anyPorts) {
        Map<String, List<String>> settings = new HashMap<>(given);
        String ca = value(settings, "dev-stack", "eojxds.test-sts.ca-file");
        if (ca == null) {
            ca = temporaryFile("test-sts-ca", ".pem");
            settings.put("dev-stack", merge(List.of("eojxds.test-sts.ca-file=" + ca), settings.get("dev-stack")));
        }
        String organisationCertificate = value(settings, "dev-stack", "eojxds.test-sts.organisation-certificate-file");
        String organisationKey = value(settings, "dev-stack", "eojxds.test-sts.organisation-key-file");
        if (organisationCertificate == null || organisationKey == null) {
            organisationCertificate = temporaryFile("test-organisation", ".crt");
            organisationKey = temporaryFile("test-organisation", ".key");
            settings.put("dev-stack", merge(List.of("eojxds.test-sts.organisation-certificate-file=" + organisationCertificate,
                    "eojxds.test-sts.organisation-key-file=" + organisationKey), settings.get("dev-stack")));
        }
        String issuerKey = value(settings, "dev-stack", "eojxds.test-issuer.public-key-file");
        if (issuerKey == null) {
            issuerKey = temporaryFile("test-issuer", ".pem");
            settings.put("dev-stack", merge(List.of("eojxds.test-issuer.public-key-file=" + issuerKey),
                    settings.get("dev-stack")));
        }
        if (anyPorts) {
            for (String service : List.of("ingest-service", "xds-repository-service", "registry-adapter")) {
                settings.put(service, merge(List.of("management.server.port=0"), settings.get(service)));
            }
        }
        String jwt = "spring.security.oauth2.resourceserver.jwt.public-key-location="
                + Path.of(issuerKey).toAbsolutePath().toUri();
        settings.put("xds-repository-service", merge(List.of(jwt, "eojxds.fsiii.built-in-terminology=true",
                "eojxds.security.trusted-certificates=" + ca,
                "eojxds.security.sts-subjects=" + TestSts.SUBJECT,
                // the CPR lookup (the dev-stack's stand-in) with the same organisation's system ID card
                "eojxds.cpr-lookup.dgws.certificate=" + organisationCertificate,
                "eojxds.cpr-lookup.dgws.private-key=" + organisationKey,
                "eojxds.cpr-lookup.dgws.cvr=" + TEST_CVR,
                "eojxds.cpr-lookup.dgws.organisation-name=Sundhedsdatastyrelsen (test)"), settings.get("xds-repository-service")));
        // the local stack has no copy of KL's FSIII CodeSystem: the built-in extract, explicitly
        settings.put("ingest-service", merge(List.of(jwt, "eojxds.fsiii.built-in-terminology=true"),
                settings.get("ingest-service")));
        settings.put("registry-adapter", merge(List.of(jwt,
                "eojxds.registry.dgws.certificate=" + organisationCertificate,
                "eojxds.registry.dgws.private-key=" + organisationKey,
                "eojxds.registry.dgws.cvr=" + TEST_CVR,
                "eojxds.registry.dgws.organisation-name=Sundhedsdatastyrelsen (test)"), settings.get("registry-adapter")));
        return settings;
    }

    // defaults first, then the caller's settings, each key once (a key given twice on Spring's
    // command line would be read as both values joined)
    private static List<String> merge(List<String> defaults, List<String> given) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String setting : defaults) {
            byKey.put(key(setting), setting);
        }
        for (String setting : given == null ? List.<String>of() : given) {
            byKey.put(key(setting), setting);
        }
        return new ArrayList<>(byKey.values());
    }

    private static String value(Map<String, List<String>> settings, String service, String key) {
        for (String setting : settings.getOrDefault(service, List.of())) {
            if (key(setting).equals(key)) {
                return setting.substring(setting.indexOf('=') + 1);
            }
        }
        return null;
    }

    private static String key(String setting) {
        int equals = setting.indexOf('=');
        return equals < 0 ? setting : setting.substring(0, equals);
    }

    private static String temporaryFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(prefix, suffix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
