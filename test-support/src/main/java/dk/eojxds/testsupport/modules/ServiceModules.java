package dk.eojxds.testsupport.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * A service's packages as Spring Modulith modules, for its modularity test: the modules with the
 * dependencies their {@code package-info.java} allows, and the same as docs/architecture.md's table
 * under the service's heading ("### ingest-service's modules"), so that the two cannot drift.
 */
public final class ServiceModules {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\|[^|]*\\| ([^|]*) \\|\\s*$");
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    private ServiceModules() {
    }

    /** Each module's allowed dependencies as its package-info declares them (empty for "—"). */
    public static Map<String, Set<String>> declared(ApplicationModules modules) {
        Map<String, Set<String>> declared = new TreeMap<>();
        modules.forEach(module -> {
            String name = module.getIdentifier().toString();
            declared.put(name, new LinkedHashSet<>(Arrays.asList(annotation(module.getBasePackage().getName())
                    .allowedDependencies())));
        });
        return declared;
    }

    /** The table in docs/architecture.md under {@code ### <service>'s modules}. */
    public static Map<String, Set<String>> documented(String service) {
        List<String> lines = architecture();
        int start = lines.indexOf("### " + service + "'s modules");
        if (start < 0) {
            throw new AssertionError("docs/architecture.md has no section '### " + service + "'s modules'");
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Set<String> uses = new LinkedHashSet<>();
                Matcher name = NAME.matcher(row.group(2));
                while (name.find()) {
                    uses.add(name.group(1));
                }
                documented.put(row.group(1), uses);
            }
        }
        return documented;
    }

    private static ApplicationModule annotation(String basePackage) {
        try {
            Class<?> packageInfo = Class.forName(basePackage + ".package-info");
            ApplicationModule annotation = packageInfo.getAnnotation(ApplicationModule.class);
            if (annotation == null) {
                throw new AssertionError(basePackage + "'s package-info.java declares no @ApplicationModule");
            }
            return annotation;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(basePackage + " has no package-info.java", e);
        }
    }

    private static List<String> architecture() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/architecture.md");
            if (Files.isRegularFile(doc)) {
                try {
                    return Files.readAllLines(doc);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("docs/architecture.md not found above " + Path.of("").toAbsolutePath());
    }
}
