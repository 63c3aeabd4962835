package dk.eojxds.localstack.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every setting of the suite as its {@code @ConfigurationProperties} records declare it, with the
 * environment variable that overrides it, its default (the service's properties file, else the
 * record's {@code @DefaultValue}) and its constraints: docs/configuration.md, generated from the code.
 */
final class ConfigurationReference {

    static final List<String> SERVICE_FILES = List.of("ingest-service.properties", "xds-repository-service.properties",
            "registry-adapter.properties", "dev-stack.properties");

    record Setting(String property, String type, String defaultValue, String constraints, String owner) {

        String environmentVariable() {
            return ConfigurationReference.environmentVariable(property);
        }
    }

    // the services' properties files, read once
    private static final List<Properties> FILES = files();

    private ConfigurationReference() {
    }

    static List<Setting> settings() {
        Map<String, String> fileDefaults = fileDefaults();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Setting> settings = new ArrayList<>();
        scanner.findCandidateComponents("dk.eojxds").forEach(candidate -> {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            if (type.isRecord() && annotation != null) {
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                collect(prefix, type, type.getSimpleName(), fileDefaults, settings);
            }
        });
        settings.sort(Comparator.comparing(Setting::property));
        return settings;
    }

    private static void collect(String prefix, Class<?> record, String owner, Map<String, String> fileDefaults,
                                List<Setting> into) {
        RecordComponent[] components = record.getRecordComponents();
        Parameter[] parameters;
        try {
            parameters = record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class[]::new)).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + "." + kebab(component.getName());
            Class<?> type = component.getType();
            if (nested(type)) {
                collect(name, type, owner, fileDefaults, into);
            } else if (Map.class.isAssignableFrom(type) && valueType(component.getGenericType()) instanceof Class<?> value
                    && nested(value)) {
                collect(name + ".<key>", value, owner, fileDefaults, into);
            } else {
                DefaultValue declared = parameters[i].getAnnotation(DefaultValue.class);
                String fallback = declared == null ? null : declared.value().length == 0 ? "(empty)"
                        : String.join(",", declared.value());
                into.add(new Setting(name, typeName(component.getGenericType()),
                        fileDefaults.getOrDefault(name, fallback), constraints(parameters[i]), owner));
            }
        }
    }

    private static boolean nested(Class<?> type) {
        return type.isRecord() && type.getName().startsWith("dk.eojxds.");
    }

    private static Type valueType(Type map) {
        return map instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : null;
    }

    private static String typeName(Type type) {
        return type.getTypeName().replaceAll("[a-z][\\w]*\\.", "").replace("$", ".");
    }

    private static String constraints(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations())
                .filter(a -> a.annotationType().getPackageName().startsWith("jakarta.validation.constraints")
                        || a.annotationType().getSimpleName().startsWith("Duration"))
                .map(a -> "@" + a.annotationType().getSimpleName() + arguments(a.toString()))
                .sorted().collect(Collectors.joining(" "));
    }

    // the annotation's bounds only, not its messages and groups: @Min(1), @DurationMin(millis=1)
    private static String arguments(String annotation) {
        List<String> kept = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\b(value|regexp|days|hours|minutes|seconds|millis|nanos)=(\"[^\"]*\"|[^,)]+)").matcher(annotation);
        while (m.find()) {
            String value = m.group(2).replace("\"", "").replace("\\\\", "\\").replaceAll("(\\d)L$", "$1");
            if (m.group(1).equals("value") || m.group(1).equals("regexp")) {
                kept.add(value);
            } else if (!value.equals("0")) {
                kept.add(m.group(1) + "=" + value);
            }
        }
        return kept.isEmpty() ? "" : "(" + String.join(", ", kept) + ")";
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The values the services' properties files give (the first file's where several do). */
    static Map<String, String> fileDefaults() {
        Map<String, String> defaults = new TreeMap<>();
        for (Properties file : FILES) {
            file.stringPropertyNames().forEach(key -> defaults.putIfAbsent(key,
                    file.getProperty(key).isEmpty() ? "(empty)" : file.getProperty(key)));
        }
        return defaults;
    }

    /**
     * The environment variables the properties files let override something: their own {@code eojxds.*}
     * keys, the keys their values refer to ({@code ${eojxds.db.url}}) and the variables they name
     * ({@code ${EOJXDS_REPOSITORY_PORT:8082}}), all in every file.
     */
    static java.util.Set<String> fileVariables() {
        java.util.Set<String> variables = new java.util.TreeSet<>();
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");
        for (Properties file : FILES) {
            for (String key : file.stringPropertyNames()) {
                if (key.startsWith("eojxds.")) {
                    variables.add(environmentVariable(key));
                }
                java.util.regex.Matcher m = placeholder.matcher(file.getProperty(key));
                while (m.find()) {
                    variables.add(m.group(1).startsWith("EOJXDS_") ? m.group(1) : environmentVariable(m.group(1)));
                }
            }
        }
        return variables;
    }

    static String environmentVariable(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static List<Properties> files() {
        List<Properties> files = new ArrayList<>();
        for (String file : SERVICE_FILES) {
            try (InputStream in = ConfigurationReference.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is not on the classpath");
                }
                Properties properties = new Properties();
                properties.load(in);
                files.add(properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static String markdown(List<Setting> settings) {
        StringBuilder out = new StringBuilder("""
                # Configuration reference

                Generated from the code by `ConfigurationReferenceTest` (local-stack): every setting the
                services' `@ConfigurationProperties` records declare, with the environment variable that
                overrides it, the default (the service's properties file, else the record's `@DefaultValue`;
                `${VAR:value}` means the variable `VAR`, else `value`) and the constraints checked at start.
                A change to a record that is not written here fails the build; regenerate with
                `./mvnw -pl local-stack test -Dtest=ConfigurationReferenceTest -Deojxds.docs.write=true`.
                README's table explains the settings operators change most.

                | property | environment variable | type | default | constraints | record |
                |---|---|---|---|---|---|
                """);
        for (Setting s : settings) {
            out.append("| `").append(s.property()).append("` | `").append(s.environmentVariable()).append("` | ")
                    .append(s.type()).append(" | ").append(s.defaultValue() == null ? "—" : "`" + cell(s.defaultValue()) + "`")
                    .append(" | ").append(s.constraints().isEmpty() ? "" : cell(s.constraints())).append(" | ")
                    .append(s.owner()).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        String shown = text.length() > 90 ? text.substring(0, 87) + "…" : text;
        return shown.replace("|", "\\|");
    }
}
