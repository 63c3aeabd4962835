package dk.eojxds.model.fsiii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The FSIII code system ({@code urn:oid:1.2.208.176.2.21}), old and new codes alike, and the
 * category a code belongs to by its ancestors: a home-care or nursing condition, a severity, an
 * intervention. Loaded from a FHIR CodeSystem JSON file (the full one KL publishes) or, by
 * default, from the built-in extract {@code fsiii/fsiii-core-codes.tsv}.
 */
public final class FsiiiTerminology {

    public static final String SYSTEM = "urn:oid:1.2.208.176.2.21";

    /**
     * The canonical the FSIII CodeSystem had before KL moved it to the OID; KL's
     * municipality-healthcare-data profiles (and reports written to them) still use it.
     */
    public static final String LEGACY_SYSTEM = "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII";

    public enum Category { HOME_CARE_CONDITION, NURSING_CONDITION, SEVERITY, INTERVENTION, GOAL_TYPE, OTHER }

    // Group roots in both spellings: the category follows from which root a code descends from.
    private static final Map<String, Category> ROOTS = Map.ofEntries(
            Map.entry("J", Category.HOME_CARE_CONDITION),
            Map.entry("d49d6b0c-c067-4469-b92d-3842822c4971", Category.HOME_CARE_CONDITION),
            Map.entry("I", Category.NURSING_CONDITION),
            Map.entry("4db72d65-7ec1-45b4-89c3-5017c35d085e", Category.NURSING_CONDITION),
            Map.entry("B", Category.SEVERITY),
            Map.entry("2c02a704-deee-4878-9378-1167613b3da6", Category.SEVERITY),
            Map.entry("H", Category.INTERVENTION),
            Map.entry("b07bbb6d-16b2-4cee-b5a5-771ca5beb67c", Category.INTERVENTION),
            Map.entry("G", Category.INTERVENTION),
            Map.entry("cac857f7-2957-4fc7-a814-9e7fc450270a", Category.INTERVENTION),
            Map.entry("59c107b1-afc2-400e-a129-f9676a0aa9bf", Category.GOAL_TYPE));

    private final Map<String, String> parents;
    private final Map<String, String> displays;
    private final String source;
    private final String sourceName;

    private FsiiiTerminology(Map<String, String> parents, Map<String, String> displays, String source,
                             String sourceName) {
        this.parents = parents;
        this.displays = displays;
        this.source = source;
        this.sourceName = sourceName;
    }

    /** The built-in extract: the codes the simulator, the tests and KL's example reports use, not all of FSIII. */
    public static FsiiiTerminology builtIn() {
        try (InputStream in = FsiiiTerminology.class.getResourceAsStream("/fsiii/fsiii-core-codes.tsv")) {
            return fromTsv(in, BUILT_IN, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name {@link #source()} gives the built-in extract. */
    public static final String BUILT_IN = "the built-in extract";

    /** True for both spellings of the FSIII code system. */
    public static boolean isFsiiiSystem(String system) {
        return SYSTEM.equals(system) || LEGACY_SYSTEM.equals(system);
    }

    /** The file named by configuration, or the built-in extract when none is named. */
    public static FsiiiTerminology configured(String file) {
        return file == null || file.isBlank() ? builtIn() : load(Path.of(file));
    }

    /**
     * KL's FSIII CodeSystem from {@code file}; without one, the built-in extract only when
     * {@code builtInAllowed} (development and tests), else a refusal: production never runs on the
     * extract, which would quarantine valid reports and show codes instead of their names.
     */
    public static FsiiiTerminology required(String file, boolean builtInAllowed) {
        if (file != null && !file.isBlank()) {
            return load(Path.of(file.strip()));
        }
        if (!builtInAllowed) {
            throw new IllegalStateException("eojxds.fsiii.code-system is not set: FSIII needs KL's full FSIII "
                    + "CodeSystem (see docs/ingest.md, 'FSIII terminology'); for development only, "
                    + "eojxds.fsiii.built-in-terminology=true uses the built-in extract");
        }
        return builtIn();
    }

    /** A FHIR CodeSystem JSON file (nested concepts), or the TSV format of the built-in extract. */
    public static FsiiiTerminology load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String name = String.valueOf(file.getFileName());
            return file.toString().endsWith(".json") ? fromCodeSystem(in, file.toString(), name)
                    : fromTsv(in, file.toString(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FSIII code system " + file, e);
        }
    }

    static FsiiiTerminology fromTsv(InputStream in, String source, String sourceName) throws IOException {
        Map<String, String> parents = new HashMap<>();
        Map<String, String> displays = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            displays.put(columns[0], columns.length > 2 ? columns[2] : columns[0]);
            if (!"-".equals(columns[1])) {
                parents.put(columns[0], columns[1]);
            }
        }
        return new FsiiiTerminology(parents, displays, source, sourceName);
    }

    static FsiiiTerminology fromCodeSystem(InputStream in, String source, String sourceName) throws IOException {
        Map<String, String> parents = new HashMap<>();
        Map<String, String> displays = new HashMap<>();
        JsonNode codeSystem = new ObjectMapper().readTree(in);
        if (!"CodeSystem".equals(codeSystem.path("resourceType").asText())
                || !isFsiiiSystem(codeSystem.path("url").asText())) {
            throw new IllegalArgumentException(source + " is not the FSIII CodeSystem (url " + SYSTEM + ")");
        }
        walk(codeSystem.path("concept"), null, parents, displays);
        String version = codeSystem.path("version").asText("");
        String ofVersion = version.isEmpty() ? "" : " (version " + version + ")";
        return new FsiiiTerminology(parents, displays, source + ofVersion, sourceName + ofVersion);
    }

    private static void walk(JsonNode concepts, String parent, Map<String, String> parents,
                             Map<String, String> displays) {
        for (JsonNode concept : concepts) {
            String code = concept.path("code").asText();
            displays.put(code, concept.path("display").asText(code));
            if (parent != null) {
                parents.put(code, parent);
            }
            walk(concept.path("concept"), code, parents, displays);
        }
    }

    public boolean knows(String code) {
        return displays.containsKey(code);
    }

    public Optional<String> display(String code) {
        return Optional.ofNullable(displays.get(code));
    }

    /** True when {@code code} lies strictly below {@code ancestor} (FHIR's descendent-of filter). */
    public boolean isDescendantOf(String code, String ancestor) {
        Set<String> seen = new java.util.HashSet<>();
        for (String current = parents.get(code); current != null && seen.add(current); current = parents.get(current)) {
            if (current.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    public Optional<String> parent(String code) {
        return Optional.ofNullable(parents.get(code));
    }

    /** Where the codes came from: a file (with the CodeSystem's version) or {@link #BUILT_IN}. */
    public String source() {
        return source;
    }

    /**
     * {@link #source()} without the file's directories, for what anyone who can reach the service
     * may read (actuator info): the file name and the CodeSystem's version say which codes are in
     * use; where the server keeps its files is nobody's business outside it.
     */
    public String sourceName() {
        return sourceName;
    }

    public boolean isBuiltIn() {
        return BUILT_IN.equals(source);
    }

    public Category category(String code) {
        Set<String> seen = new java.util.HashSet<>();
        for (String current = code; current != null && seen.add(current); current = parents.get(current)) {
            Category category = ROOTS.get(current);
            if (category != null) {
                return category;
            }
        }
        return Category.OTHER;
    }

    public int size() {
        return displays.size();
    }
}
