package dk.eojxds.ingest.validation;

import static dk.eojxds.ingest.testing.Fixtures.entry;
import static dk.eojxds.ingest.testing.Fixtures.mutate;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.testing.Fixtures;
import dk.eojxds.ingest.validation.fsiii.FsiiiProperties;
import dk.eojxds.ingest.validation.fsiii.FsiiiReportReader;
import dk.eojxds.ingest.validation.fsiii.FsiiiReportRules;
import dk.eojxds.ingest.validation.kpro.KproReader;
import dk.eojxds.ingest.validation.support.StructuralParser;
import dk.eojxds.ingest.validation.telma.TelmaReader;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.fsiii.FsiiiScope;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad gateway input, one broken rule each. Every item must be quarantined with a
 * reason that names the rule, and the valid neighbours on the same page must still be accepted.
 */
class BadInputCorpusTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
    private static final StructuralParser PARSER = new StructuralParser(FHIR);
    private static final PageReader READER = new PageReader(List.of(new TelmaReader(PARSER), new KproReader(PARSER),
            new FsiiiReportReader(PARSER, new FsiiiReportRules(FHIR, FsiiiTerminology.builtIn()), FHIR,
                    // the care scope: the corpus breaks the care profiles' rules too (severity, goals)
                    new FsiiiProperties(FsiiiScope.CARE, null, "test", null, true))), 1_000_000);
    static final Feed TELMA = new Feed("telma", DataFamily.TELMA, "Observation", null, 100);
    static final Feed KPRO = new Feed("kpro", DataFamily.KPRO, "QuestionnaireResponse", null, 100);
    static final Feed FSIII = new Feed("fsiii", DataFamily.FSIII, "Bundle", null, 100);

    static Stream<Arguments> corpus() {
        String obs = Fixtures.observation("bad", T);
        String qr = Fixtures.response("bad", T);
        String report = Fixtures.report("bad", T);
        List<Arguments> cases = new ArrayList<>(List.of(
                // TELMA
                bad("wrong resource type in the TELMA feed", TELMA, Fixtures.response("x", T), "resource-type"),
                bad("CPR with an impossible date", TELMA, mutate(obs, o -> subjectCpr(o, "3213501234")), "subject-cpr"),
                bad("CPR of nine digits", TELMA, mutate(obs, o -> subjectCpr(o, "010150123")), "subject-cpr"),
                bad("CPR under a foreign system", TELMA, mutate(obs, o -> ((ObjectNode) o.path("subject")
                        .path("identifier")).put("system", "urn:oid:1.2.3")), "subject-cpr"),
                bad("missing effectiveDateTime", TELMA, mutate(obs, o -> o.remove("effectiveDateTime")), "effective-datetime"),
                bad("unknown NPU code", TELMA, Fixtures.observation("bad", T, "NPU99999", "96", "%"), "npu-code"),
                bad("wrong unit for the code", TELMA, Fixtures.observation("bad", T, "NPU03011", "96", "kg"), "unit"),
                bad("implausible value", TELMA, Fixtures.observation("bad", T, "NPU03804", "4000", "kg"), "value-range"),
                bad("missing value", TELMA, mutate(obs, o -> o.remove("valueQuantity")), "value-quantity"),
                bad("no SOR-identified performer", TELMA, mutate(obs, o -> o.remove("performer")), "performer-sor"),
                bad("SOR code with letters", TELMA, mutate(obs, o -> ((ObjectNode) o.path("performer").get(0)
                        .path("identifier")).put("value", "12AB")), "performer-sor"),
                bad("unknown element", TELMA, mutate(obs, o -> o.put("colour", "blue")), "structure"),
                bad("malformed dateTime", TELMA, mutate(obs, o -> o.put("effectiveDateTime", "20th of November")), "structure"),
                bad("missing meta.lastUpdated", TELMA, mutate(obs, o -> o.remove("meta")), "meta-lastUpdated"),
                bad("wrong JSON type", TELMA, mutate(obs, o -> o.put("status", 42)), "structure"),
                bad("measured in the future", TELMA, mutate(obs, o -> o.put("effectiveDateTime", "2099-01-01T07:30:00Z")),
                        "timing"),
                bad("a time without a time zone", TELMA, mutate(obs, o -> o.put("effectiveDateTime", "2026-11-20T07:30:00")),
                        "timezone"),
                bad("a unit under a system that is not UCUM", TELMA, mutate(obs, o -> ((ObjectNode) o.path("valueQuantity"))
                        .put("system", "http://example.org/units")), "unit-system"),
                bad("a CPR whose birth date lies in the future", TELMA, mutate(obs, o -> subjectCpr(o, "0101364000")),
                        "subject-cpr"),
                bad("a quantity value written as a JSON string", TELMA, mutate(obs, o -> ((ObjectNode) o.path("valueQuantity"))
                        .put("value", "96")), "structure"),
                bad("a NUL in the unit", TELMA, mutate(obs, o -> ((ObjectNode) o.path("valueQuantity")).put("unit", "%\u0000")),
                        "structure"),
                bad("huge payload", TELMA, mutate(obs, o -> ((ObjectNode) o.path("code")).put("text", "x".repeat(1_500_000))), "payload-size"),
                // K-PRO
                bad("no questionnaire reference", KPRO, mutate(qr, o -> o.remove("questionnaire")), "questionnaire-reference"),
                bad("response still in progress", KPRO, mutate(qr, o -> o.put("status", "in-progress")), "response-status"),
                bad("no answers", KPRO, mutate(qr, o -> o.remove("item")), "answers-present"),
                bad("answer without value", KPRO, mutate(qr, o -> ((ObjectNode) o.path("item").get(0).path("answer").get(0))
                        .remove("valueInteger")), "answer-value"),
                bad("missing authored", KPRO, mutate(qr, o -> o.remove("authored")), "authored"),
                bad("answered in the future", KPRO, mutate(qr, o -> o.put("authored", "2099-01-01T10:00:00Z")), "timing"),
                bad("answered at a time without a time zone", KPRO, mutate(qr, o -> o.put("authored", "2026-11-20T10:00:00")),
                        "timezone"),
                bad("author without SOR", KPRO, mutate(qr, o -> o.remove("author")), "author-sor"),
                bad("item without linkId", KPRO, mutate(qr, o -> ((ObjectNode) o.path("item").get(0)).remove("linkId")),
                        "item-linkid"),
                bad("wrong resource type in the K-PRO feed", KPRO, obs, "resource-type"),
                // FSIII
                bad("a report with two citizens", FSIII, mutate(report, r -> {
                    ObjectNode second = ((ObjectNode) r.path("entry").get(0)).deepCopy();
                    ((ObjectNode) second.path("resource")).put("id", "another");
                    second.put("fullUrl", "https://gw/Patient/another");
                    ((ArrayNode) r.path("entry")).add(second);
                }), "report-one-citizen"),
                bad("a report without a citizen", FSIII, mutate(report, r -> ((ArrayNode) r.path("entry")).remove(0)),
                        "report-one-citizen"),
                bad("citizen with a bad CPR", FSIII, mutate(report, r -> ((ObjectNode) entry(r, 0).path("identifier").get(0))
                        .put("value", "9999999999")), "citizen-cpr"),
                bad("citizen without SOR", FSIII, mutate(report, r -> entry(r, 0).remove("managingOrganization")), "citizen-sor"),
                bad("citizen with a name", FSIII, mutate(report, r -> entry(r, 0).putArray("name").addObject()
                        .put("family", "Hansen")), "citizen-no-demographics"),
                bad("unknown FSIII code", FSIII, mutate(report, r -> ((ObjectNode) entry(r, 1).path("code").path("coding")
                        .get(0)).put("code", "Z9.9")), "condition-code"),
                bad("home-care condition without severity", FSIII, mutate(report, r -> entry(r, 1).remove("severity")),
                        "condition-severity"),
                bad("nursing condition with severity", FSIII, mutate(report, r -> entry(r, 3).set("severity",
                        entry(r, 1).path("severity").deepCopy())), "condition-severity"),
                bad("condition without recordedDate", FSIII, mutate(report, r -> entry(r, 1).remove("recordedDate")),
                        "condition-recorded-date"),
                bad("goal addressing a nursing condition", FSIII, mutate(report, r -> ((ObjectNode) entry(r, 2)
                        .path("addresses").get(0)).put("reference", "Condition/c2-bad")), "goal-addresses"),
                bad("goal without startDate", FSIII, mutate(report, r -> entry(r, 2).remove("startDate")), "goal-start-date"),
                bad("dangling reference", FSIII, mutate(report, r -> ((ObjectNode) entry(r, 4).path("activity").get(0)
                        .path("detail").path("reasonReference").get(0)).put("reference", "Condition/nowhere")),
                        "reference-resolves"),
                bad("planned intervention that is an order", FSIII, mutate(report, r -> entry(r, 4).put("intent", "order")),
                        "intervention-intent"),
                bad("planned intervention without start", FSIII, mutate(report, r -> entry(r, 4).remove("period")),
                        "intervention-period-start"),
                bad("completed intervention without time", FSIII, mutate(report, r -> entry(r, 5).remove("performedDateTime")),
                        "completed-intervention-performed"),
                bad("intervention coded as a condition", FSIII, mutate(report, r -> ((ObjectNode) entry(r, 5).path("code")
                        .path("coding").get(0)).put("code", "J1.1")), "intervention-code"),
                bad("the same Condition id twice", FSIII, mutate(report, r -> {
                    ObjectNode copy = ((ObjectNode) r.path("entry").get(3)).deepCopy();
                    copy.put("fullUrl", "https://gw/Condition/duplicate");
                    ((ObjectNode) copy.path("resource")).put("id", entry(r, 1).path("id").asText());
                    ((ArrayNode) r.path("entry")).add(copy);
                }), "entry-id-unique"),
                bad("a reference to another server", FSIII, mutate(report, r -> ((ObjectNode) entry(r, 4).path("activity").get(0)
                        .path("detail").path("reasonReference").get(0))
                        .put("reference", "https://elsewhere.example/fhir/Condition/c1-bad")), "reference-local"),
                bad("a follow-up with a result outside KLFollowUpCodesFSIII", FSIII, mutate(report, r -> ((ArrayNode) r
                        .path("entry")).addObject().put("fullUrl", "https://gw/Observation/f").putObject("resource")
                        .put("resourceType", "Observation").put("id", "f").put("status", "final")
                        .put("effectiveDateTime", "2026-11-20T10:00:00Z")
                        .<ObjectNode>set("code", Fixtures.JSON.createObjectNode().set("coding", Fixtures.JSON.createArrayNode()
                                .add(Fixtures.JSON.createObjectNode().put("system", "http://snomed.info/sct")
                                        .put("code", "712744002"))))
                        .<ObjectNode>set("subject", Fixtures.JSON.createObjectNode().put("reference", "Patient/p-bad"))
                        .<ObjectNode>set("focus", Fixtures.JSON.createArrayNode().add(Fixtures.JSON.createObjectNode()
                                .put("reference", "Condition/c2-bad")))
                        .set("valueCodeableConcept", Fixtures.JSON.createObjectNode().set("coding", Fixtures.JSON
                                .createArrayNode().add(Fixtures.JSON.createObjectNode()
                                        .put("system", "urn:oid:1.2.208.176.2.21").put("code", "B2"))))), "follow-up-value"),
                bad("report of the wrong Bundle type", FSIII, mutate(report, r -> r.put("type", "searchset")), "report-type"),
                bad("report without timestamp", FSIII, mutate(report, r -> r.remove("timestamp")), "report-timestamp"),
                bad("entry of a type the profile forbids", FSIII, mutate(report, r -> ((ArrayNode) r.path("entry")).addObject()
                        .put("fullUrl", "https://gw/MedicationRequest/m").putObject("resource")
                        .put("resourceType", "MedicationRequest").put("id", "m").put("status", "active")
                        .put("intent", "order")), "report-entry-type"),
                bad("a resource whose subject is not the citizen", FSIII, mutate(report, r -> ((ObjectNode) entry(r, 5)
                        .path("subject")).put("reference", "Condition/c1-bad")), "subject-is-citizen")));
        return cases.stream();
    }

    private static Arguments bad(String name, Feed feed, String json, String rule) {
        return Arguments.of(name, feed, json, rule);
    }

    private static void subjectCpr(ObjectNode observation, String value) {
        ((ObjectNode) observation.path("subject").path("identifier")).put("value", value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isQuarantinedWithItsRuleWhileNeighboursPass(String name, Feed feed, String json, String rule) throws Exception {
        String type = Fixtures.JSON.readTree(json).path("resourceType").asText();
        String before = valid(feed, "before");
        String after = valid(feed, "after");
        GatewayPage page = new GatewayPage("self", null, List.of(raw(before), new GatewayPage.RawEntry(type, "bad", T, json),
                raw(after)));

        PageContent content = READER.read(feed, page);

        assertThat(content.rejected()).singleElement().satisfies(r -> {
            assertThat(r.resourceId()).isEqualTo("bad");
            assertThat(r.reasons()).anyMatch(reason -> reason.startsWith(rule + ":"));
            assertThat(r.rawPayload()).isEqualTo(json);
        });
        assertThat(content.accepted()).extracting(IngestedResource::resourceId)
                .contains(feed == FSIII ? "p-before" : "before", feed == FSIII ? "p-after" : "after");
    }

    static int corpusSize() {
        return (int) corpus().count();
    }

    private static String valid(Feed feed, String id) {
        return feed == TELMA ? Fixtures.observation(id, T) : feed == KPRO ? Fixtures.response(id, T) : Fixtures.report(id, T);
    }

    private static GatewayPage.RawEntry raw(String json) throws Exception {
        var node = Fixtures.JSON.readTree(json);
        return new GatewayPage.RawEntry(node.path("resourceType").asText(), node.path("id").asText(), T, json);
    }
}
