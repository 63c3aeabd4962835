package dk.eojxds.ingest.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Valid gateway resources as JSON, and a way to break them one rule at a time. Citizens and SOR
 * codes are fictitious.
 */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String CPR = "0101501234";
    public static final String SOR = "1301000016005";

    private Fixtures() {
    }

    public static String observation(String id, Instant lastUpdated, String npu, String value, String unit) {
        return """
                {"resourceType":"Observation","id":"%s","meta":{"versionId":"1","lastUpdated":"%s"},
                 "status":"final",
                 "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.1","code":"%s"}]},
                 "subject":{"identifier":{"system":"urn:oid:1.2.208.176.1.2","value":"%s"}},
                 "effectiveDateTime":"2026-11-20T07:30:00Z",
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"},
                 "performer":[{"identifier":{"system":"urn:oid:1.2.208.176.1.1","value":"%s"},"display":"Ærø Kommune"}]}
                """.formatted(id, lastUpdated, npu, CPR, value, unit, unit, SOR);
    }

    public static String observation(String id, Instant lastUpdated) {
        return observation(id, lastUpdated, "NPU03011", "96", "%");
    }

    public static String response(String id, Instant lastUpdated) {
        return """
                {"resourceType":"QuestionnaireResponse","id":"%s","meta":{"versionId":"1","lastUpdated":"%s"},
                 "questionnaire":"http://example.kpro.dk/Questionnaire/mental-trivsel|1.0",
                 "status":"completed",
                 "subject":{"identifier":{"system":"urn:oid:1.2.208.176.1.2","value":"%s"}},
                 "authored":"2026-11-20T10:00:00Z",
                 "author":{"identifier":{"system":"urn:oid:1.2.208.176.1.1","value":"%s"},"display":"Ærø Kommune"},
                 "item":[{"linkId":"q1","text":"Hvordan har du haft det?","answer":[{"valueInteger":3}]}]}
                """.formatted(id, lastUpdated, CPR, SOR);
    }

    /** A DeliveryReport with the citizen, a home-care condition (old code), its goal and a nursing condition (new code). */
    public static String report(String id, Instant lastUpdated) {
        return """
                {"resourceType":"Bundle","id":"%1$s","meta":{"lastUpdated":"%2$s"},"type":"collection",
                 "timestamp":"2026-11-20T12:00:00Z",
                 "entry":[
                  {"fullUrl":"https://gw/Patient/p-%1$s","resource":{"resourceType":"Patient","id":"p-%1$s",
                    "identifier":[{"system":"urn:oid:1.2.208.176.1.2","value":"%3$s"}],
                    "managingOrganization":{"identifier":{"system":"urn:oid:1.2.208.176.1.1","value":"%4$s"}},
                    "deceasedBoolean":false}},
                  {"fullUrl":"https://gw/Condition/c1-%1$s","resource":{"resourceType":"Condition","id":"c1-%1$s",
                    "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                    "severity":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"B3"}]},
                    "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"J1.1"}]},
                    "subject":{"reference":"Patient/p-%1$s"},"recordedDate":"2026-11-20"}},
                  {"fullUrl":"https://gw/Goal/g-%1$s","resource":{"resourceType":"Goal","id":"g-%1$s",
                    "lifecycleStatus":"planned",
                    "description":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"e182c5dc-9f91-474a-92e8-f62be3d498f4"}]},
                    "subject":{"reference":"Patient/p-%1$s"},"startDate":"2026-11-20",
                    "target":[{"measure":{"coding":[{"system":"http://fhir.kl.dk/term/CodeSystem/CareSocialCodes","code":"66959f77-6e2a-4574-8423-3ff097f8b9fa"}]},
                      "detailCodeableConcept":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"B2"}]}}],
                    "addresses":[{"reference":"Condition/c1-%1$s"}]}},
                  {"fullUrl":"https://gw/Condition/c2-%1$s","resource":{"resourceType":"Condition","id":"c2-%1$s",
                    "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                    "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"b4e4bb41-7734-4c84-967f-fa1916662972"}]},
                    "subject":{"reference":"Patient/p-%1$s"},"recordedDate":"2026-11-20"}},
                  {"fullUrl":"https://gw/CarePlan/cp-%1$s","resource":{"resourceType":"CarePlan","id":"cp-%1$s",
                    "status":"active","intent":"plan","subject":{"reference":"Patient/p-%1$s"},
                    "period":{"start":"2026-11-20"},
                    "activity":[{"detail":{"status":"in-progress",
                      "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"H1.1"}]},
                      "reasonReference":[{"reference":"Condition/c1-%1$s"}]}}]}},
                  {"fullUrl":"https://gw/Procedure/pr-%1$s","resource":{"resourceType":"Procedure","id":"pr-%1$s",
                    "status":"completed","subject":{"reference":"Patient/p-%1$s"},
                    "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"G1.42"}]},
                    "performedDateTime":"2026-11-20T09:00:00Z"}}
                 ]}
                """.formatted(id, lastUpdated, CPR, SOR);
    }

    /**
     * A DeliveryReport inside the healthcare scope (municipality-healthcare-data profiles): the
     * citizen, a nursing condition (old code) with its follow-up encounter, a planned nursing
     * intervention for it, and a follow-up observation on the condition.
     */
    public static String nursingReport(String id, Instant lastUpdated) {
        return """
                {"resourceType":"Bundle","id":"%1$s","meta":{"lastUpdated":"%2$s"},"type":"collection",
                 "timestamp":"2026-11-20T12:00:00Z",
                 "entry":[
                  {"fullUrl":"Patient/p-%1$s","resource":{"resourceType":"Patient","id":"p-%1$s",
                    "identifier":[{"system":"urn:oid:1.2.208.176.1.2","value":"%3$s"}],
                    "managingOrganization":{"identifier":{"system":"urn:oid:1.2.208.176.1.1","value":"%4$s"}}}},
                  {"fullUrl":"Condition/n-%1$s","resource":{"resourceType":"Condition","id":"n-%1$s",
                    "extension":[{"url":"http://fhir.kl.dk/gateway/StructureDefinition/klgateway-care-follow-up-encounter-extension",
                      "valueReference":{"reference":"Encounter/e-%1$s"}}],
                    "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                    "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],
                    "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"I4.1"}]},
                    "subject":{"reference":"Patient/p-%1$s"},"recordedDate":"2026-11-20"}},
                  {"fullUrl":"CarePlan/cp-%1$s","resource":{"resourceType":"CarePlan","id":"cp-%1$s",
                    "status":"active","intent":"plan","subject":{"reference":"Patient/p-%1$s"},
                    "period":{"start":"2026-11-20"},
                    "activity":[{"detail":{"status":"in-progress",
                      "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"G1.39"}]},
                      "reasonReference":[{"reference":"Condition/n-%1$s"}]}}]}},
                  {"fullUrl":"Encounter/e-%1$s","resource":{"resourceType":"Encounter","id":"e-%1$s","status":"planned",
                    "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"HH"},
                    "type":[{"coding":[{"system":"http://fhir.kl.dk/term/CodeSystem/CareSocialCodes","code":"9f03dfbb-7a97-45a5-94db-d4c3501714a9"}]}],
                    "subject":{"reference":"Patient/p-%1$s"},"period":{"start":"2026-11-27"}}},
                  {"fullUrl":"Observation/o-%1$s","resource":{"resourceType":"Observation","id":"o-%1$s","status":"final",
                    "code":{"coding":[{"system":"http://snomed.info/sct","code":"712744002"}]},
                    "subject":{"reference":"Patient/p-%1$s"},"focus":[{"reference":"Condition/n-%1$s"}],
                    "effectiveDateTime":"2026-11-20T10:00:00Z",
                    "valueCodeableConcept":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"E1"}]}}}
                 ]}
                """.formatted(id, lastUpdated, CPR, SOR);
    }

    /** The JSON with one change applied. */
    public static String mutate(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            change.accept(node);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource of a report entry by index. */
    public static ObjectNode entry(ObjectNode report, int index) {
        return (ObjectNode) report.path("entry").get(index).path("resource");
    }
}
