package dk.eojxds.ingest.validation.support;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The JSON types FHIR R4's JSON format fixes for primitives where HAPI's parser lets a string
 * through: a decimal or integer is a JSON number (not {@code "80.5"}), a boolean a JSON boolean;
 * and no string holds a control character but tab, CR and LF. Streams over the resource as sent
 * (no tree: it runs on every resource), led by HAPI's element definitions.
 */
final class JsonTypes {

    private static final Set<String> NUMBERS = Set.of("decimal", "integer", "positiveInt", "unsignedInt", "integer64");
    private static final int MAX_PROBLEMS = 10;
    private static final JsonFactory JSON = new JsonFactory();

    private final FhirContext fhir;

    JsonTypes(FhirContext fhir) {
        this.fhir = fhir;
    }

    void check(String json, List<String> problems) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                resource(parser, problems);
            }
        }
    }

    // at START_OBJECT of a resource; resourceType is usually, not always, its first field
    private void resource(JsonParser parser, List<String> problems) throws IOException {
        String type = null;
        BaseRuntimeElementCompositeDefinition<?> definition = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals("resourceType") && token == JsonToken.VALUE_STRING) {
                type = parser.getText();
                definition = fhir.getResourceTypes().contains(type) ? fhir.getResourceDefinition(type) : null;
            } else if (definition == null) {
                parser.skipChildren(); // resourceType not (yet) known: HAPI reports what is wrong
            } else {
                field(definition, name, token, parser, type, problems);
            }
        }
    }

    private void object(BaseRuntimeElementCompositeDefinition<?> definition, JsonParser parser, String path,
                        List<String> problems) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            field(definition, name, parser.nextToken(), parser, path, problems);
        }
    }

    private void field(BaseRuntimeElementCompositeDefinition<?> definition, String name, JsonToken token,
                       JsonParser parser, String path, List<String> problems) throws IOException {
        BaseRuntimeChildDefinition child = name.startsWith("_") ? null : definition.getChildByName(name);
        BaseRuntimeElementDefinition<?> element = child == null ? null : child.getChildByName(name);
        if (element == null || problems.size() >= MAX_PROBLEMS) {
            parser.skipChildren(); // unknown elements are HAPI's to report
            return;
        }
        if (token == JsonToken.START_ARRAY) {
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                value(element, item, parser, path + "." + name, problems);
            }
        } else {
            value(element, token, parser, path + "." + name, problems);
        }
    }

    private void value(BaseRuntimeElementDefinition<?> element, JsonToken token, JsonParser parser, String path,
                       List<String> problems) throws IOException {
        switch (element.getChildType()) {
            case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> {
                if (token.isStructStart()) {
                    parser.skipChildren();
                } else {
                    primitive(element.getName(), token, parser, path, problems);
                }
            }
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
                if (token == JsonToken.START_OBJECT) {
                    object((BaseRuntimeElementCompositeDefinition<?>) element, parser, path, problems);
                } else {
                    parser.skipChildren();
                }
            }
            case RESOURCE -> {
                if (token == JsonToken.START_OBJECT) {
                    resource(parser, problems);
                } else {
                    parser.skipChildren();
                }
            }
            default -> parser.skipChildren();
        }
    }

    private static void primitive(String type, JsonToken token, JsonParser parser, String path, List<String> problems)
            throws IOException {
        if (token == JsonToken.VALUE_STRING && hasControlCharacter(parser.getText())) {
            problems.add("structure: " + path + " holds a control character; FHIR strings allow none below U+0020 "
                    + "but tab, carriage return and line feed");
        }
        // a number where a string belongs HAPI reports itself
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        boolean bool = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        if (NUMBERS.contains(type) && !number && token != JsonToken.VALUE_NULL
                || "boolean".equals(type) && !bool && token != JsonToken.VALUE_NULL) {
            problems.add("structure: " + path + " is a JSON " + token.name().replace("VALUE_", "") + "; FHIR " + type
                    + " is written as a JSON " + (NUMBERS.contains(type) ? "NUMBER" : "BOOLEAN"));
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
}
