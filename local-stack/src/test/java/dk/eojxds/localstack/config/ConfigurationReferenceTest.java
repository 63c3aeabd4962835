package dk.eojxds.localstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The settings documents cannot drift from the code: docs/configuration.md is exactly what the
 * {@code @ConfigurationProperties} records declare, and every environment variable README's
 * configuration table names is one the services read.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void configurationMdIsGeneratedFromTheRecords() throws IOException {
        String generated = ConfigurationReference.markdown(ConfigurationReference.settings());
        Path doc = ROOT.resolve("docs/configuration.md");
        if (Boolean.getBoolean("eojxds.docs.write")) {
            Files.writeString(doc, generated);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/configuration.md"), generated);
        assertThat(Files.exists(doc) ? Files.readString(doc) : "")
                .as("docs/configuration.md differs from the records (the generated one is in local-stack/target/"
                        + "configuration.md; -Deojxds.docs.write=true writes it)")
                .isEqualTo(generated);
    }

    @Test
    void readmeNamesOnlySettingsThatExist() throws IOException {
        Set<String> known = known();
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Configuration");
        Set<String> named = new TreeSet<>();
        Pattern variable = Pattern.compile("`(EOJXDS_[A-Z0-9_]+)`");
        for (String line : readme.subList(start, readme.size())) {
            if (line.startsWith("## ") && !line.equals("## Configuration")) {
                break;
            }
            Matcher m = variable.matcher(line);
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertThat(named).as("README's configuration table").isNotEmpty();
        assertThat(named).as("variables README names that no record or properties file reads").isSubsetOf(known);
    }

    @Test
    void deploymentsSetOnlySettingsThatExist() throws IOException {
        Set<String> known = known();
        Set<String> set = new TreeSet<>();
        Pattern variable = Pattern.compile("^\\s*-?\\s*(?:name:\\s*)?(EOJXDS_[A-Z0-9_]+)\\s*[:=]", Pattern.MULTILINE);
        List<Path> files = new java.util.ArrayList<>(List.of(ROOT.resolve("docker-compose.yml")));
        try (var tree = Files.walk(ROOT.resolve("deploy/kubernetes"))) {
            tree.filter(p -> p.toString().endsWith(".env") || p.toString().endsWith(".yaml")).forEach(files::add);
        }
        for (Path file : files) {
            Matcher m = variable.matcher(Files.readString(file));
            while (m.find()) {
                set.add(m.group(1));
            }
        }
        assertThat(set).as("variables docker-compose.yml and deploy/kubernetes set").isNotEmpty();
        assertThat(set).as("variables a deployment sets that no record or properties file reads").isSubsetOf(known);
    }

    private static Set<String> known() {
        Set<String> known = ConfigurationReference.settings().stream()
                .map(ConfigurationReference.Setting::environmentVariable).collect(Collectors.toCollection(TreeSet::new));
        known.addAll(ConfigurationReference.fileVariables());
        // what the images' entrypoint reads before Java starts (waiting for the database, the credentials)
        try {
            Matcher m = Pattern.compile("\\$\\{?(EOJXDS_[A-Z0-9_]+)")
                    .matcher(Files.readString(ROOT.resolve("ops/containers/service-entrypoint.sh")));
            while (m.find()) {
                known.add(m.group(1));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return known;
    }
}
