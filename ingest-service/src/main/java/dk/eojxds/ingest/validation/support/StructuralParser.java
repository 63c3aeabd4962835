package dk.eojxds.ingest.validation.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Structural validation against FHIR R4 while parsing: unknown elements, values of the wrong
 * type or format, repeated single elements, wrong JSON types. Done by HAPI's parser with an error
 * handler that collects every problem instead of stopping at the first; far cheaper than
 * profile validation, which is what makes thousands of resources a second possible.
 */
@Component
public class StructuralParser {

    private final FhirContext fhir;
    private final JsonTypes jsonTypes;

    public StructuralParser(FhirContext fhir) {
        this.fhir = fhir;
        this.jsonTypes = new JsonTypes(fhir);
    }

    public record Parsed<T extends Resource>(T resource, List<String> problems) {

        boolean clean() {
            return resource != null && problems.isEmpty();
        }
    }

    public <T extends Resource> Parsed<T> parse(String json, Class<T> type) {
        Collector problems = new Collector();
        try {
            T resource = fhir.newJsonParser().setParserErrorHandler(problems).parseResource(type, json);
            // HAPI reads "80.5" as the decimal 80.5; FHIR's JSON format does not allow it
            jsonTypes.check(json, problems.found);
            return new Parsed<>(resource, problems.found);
        } catch (java.io.IOException e) {
            problems.found.add("structure: not JSON (" + e.getMessage() + ")");
            return new Parsed<>(null, problems.found);
        } catch (DataFormatException | ClassCastException e) {
            problems.found.add("structure: not a valid FHIR R4 " + type.getSimpleName() + " (" + firstLine(e) + ")");
            return new Parsed<>(null, problems.found);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).replaceAll("^HAPI-\\d+: ", "");
    }

    private static final class Collector implements IParserErrorHandler {

        private final List<String> found = new ArrayList<>();

        private void add(IParseLocation location, String problem) {
            String where = location == null || location.getParentElementName() == null ? ""
                    : " in " + location.getParentElementName();
            found.add("structure: " + problem + where);
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            add(location, "contained resource without id");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            add(location, "element '" + element + "' has JSON type " + (foundScalar != null ? foundScalar : found)
                    + ", expected " + (expectedScalar != null ? expectedScalar : expected));
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            add(location, "invalid value '" + value + "': " + error);
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String element) {
            add(location, "missing required element '" + element + "'");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String element) {
            add(location, "element '" + element + "' repeats but may occur once");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attribute) {
            add(location, "unknown attribute '" + attribute + "'");
        }

        @Override
        public void unknownElement(IParseLocation location, String element) {
            add(location, "unknown element '" + element + "'");
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // Logical references to resources outside the payload are normal here.
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            add(location, "invalid internal reference '" + reference + "'");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            add(location, "extension has both a value and nested extensions");
        }
    }
}
