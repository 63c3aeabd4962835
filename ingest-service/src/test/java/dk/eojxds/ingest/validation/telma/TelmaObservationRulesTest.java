package dk.eojxds.ingest.validation.telma;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.SorCode;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class TelmaObservationRulesTest {

    static Observation valid() {
        Observation o = new Observation();
        o.setId("9f0b6c3e-0000-4000-8000-000000000001");
        o.getMeta().setLastUpdated(new Date()).setVersionId("1");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(DkXdsCodes.NPU_SYSTEM, "NPU03011", "SpO2")));
        o.setSubject(new Reference().setIdentifier(new Identifier()
                .setSystem(Cpr.SYSTEM).setValue("0101501234")));
        o.setEffective(new DateTimeType(new Date()));
        o.setValue(new Quantity().setValue(new BigDecimal("96")).setCode("%").setSystem("http://unitsofmeasure.org"));
        o.addPerformer(new Reference().setIdentifier(new Identifier()
                .setSystem(SorCode.SYSTEM).setValue("1301000016005")).setDisplay("Ærø Kommune"));
        return o;
    }

    @Test
    void aCompleteHomeMeasurementPasses() {
        assertThat(TelmaObservationRules.violations(valid())).isEmpty();
    }

    @Test
    void everyViolationIsNamedByItsRule() {
        Observation o = valid();
        o.getSubject().getIdentifier().setValue("3201501234");
        o.getCode().getCodingFirstRep().setCode("NPU99999");
        o.setEffective(null);
        o.getPerformer().clear();
        List<String> violations = TelmaObservationRules.violations(o);
        assertThat(violations).hasSize(4)
                .anyMatch(v -> v.startsWith("subject-cpr:"))
                .anyMatch(v -> v.startsWith("npu-code:"))
                .anyMatch(v -> v.startsWith("effective-datetime:"))
                .anyMatch(v -> v.startsWith("performer-sor:"));
    }

    @Test
    void unitAndRangeAreChecked() {
        Observation o = valid();
        o.getValueQuantity().setCode("kg").setValue(new BigDecimal("130"));
        assertThat(TelmaObservationRules.violations(o))
                .anyMatch(v -> v.startsWith("unit:"))
                .anyMatch(v -> v.startsWith("value-range:"));
    }

    @Test
    void aWithdrawnMeasurementNeedsNoValue() {
        Observation o = valid();
        o.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        o.setValue(null);
        assertThat(TelmaObservationRules.violations(o)).isEmpty();
    }
}
