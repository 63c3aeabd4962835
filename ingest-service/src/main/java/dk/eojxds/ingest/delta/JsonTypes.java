package dk.eojxds.ingest.delta;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON types FHIR R4's JSON format fixes for primitives where HAPI's parser lets a string
 * through: a decimal or integer is a JSON number (not {@code "80.5"}), a boolean a JSON boolean.
 * Walks the resource as sent, by HAPI's element definitions.
 */
final class JsonTypes {

    private static final Set<String> NUMBERS = Set.of("decimal", "integer", "positiveInt", "unsignedInt", "integer64");
    private static final int MAX_PROBLEMS = 10;

    private final FhirContext fhir;

    JsonTypes(FhirContext fhir) {
        this.fhir = fhir;
    }

    void check(JsonNode resource, List<String> problems) {
        String type = resource.path("resourceType").asText("");
        if (!type.isEmpty() && fhir.getResourceTypes().contains(type)) {
            walk(fhir.getResourceDefinition(type), resource, type, problems);
        }
    }

    private void walk(BaseRuntimeElementCompositeDefinition<?> definition, JsonNode node, String path,
                      List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext() && problems.size() < MAX_PROBLEMS; ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("resourceType") || name.startsWith("_")) {
                continue;
            }
            BaseRuntimeChildDefinition child = definition.getChildByName(name);
            BaseRuntimeElementDefinition<?> element = child == null ? null : child.getChildByName(name);
            if (element == null) {
                continue; // unknown elements are HAPI's to report
            }
            JsonNode value = field.getValue();
            if (value.isArray()) {
                for (JsonNode item : value) {
                    value(element, item, path + "." + name, problems);
                }
            } else {
                value(element, value, path + "." + name, problems);
            }
        }
    }

    private void value(BaseRuntimeElementDefinition<?> element, JsonNode value, String path, List<String> problems) {
        switch (element.getChildType()) {
            case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> primitive(element, value, path,
                    problems);
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
                if (value.isObject()) {
                    walk((BaseRuntimeElementCompositeDefinition<?>) element, value, path, problems);
                }
            }
            case RESOURCE -> {
                if (value.isObject()) {
                    check(value, problems);
                }
            }
            default -> {
            }
        }
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return true;
            }
        }
        return false;
    }

    private static void primitive(BaseRuntimeElementDefinition<?> element, JsonNode value, String path,
                                  List<String> problems) {
        // a number where a string belongs HAPI reports itself
        String type = element.getName();
        if (value.isTextual() && hasControlCharacter(value.textValue())) {
            problems.add("structure: " + path + " holds a control character; FHIR strings allow none below U+0020 "
                    + "but tab, carriage return and line feed");
        }
        if (NUMBERS.contains(type) && !value.isNumber() || "boolean".equals(type) && !value.isBoolean()) {
            problems.add("structure: " + path + " is a JSON " + value.getNodeType() + "; FHIR " + type
                    + " is written as a JSON " + (NUMBERS.contains(type) ? "NUMBER" : "BOOLEAN"));
        }
    }
}
