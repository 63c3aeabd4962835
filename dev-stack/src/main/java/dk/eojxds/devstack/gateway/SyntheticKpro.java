package dk.eojxds.devstack.gateway;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.SorCode;
import java.time.Instant;
import java.util.Date;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Synthetic K-PRO questionnaire responses (a made-up well-being schema in Danish), as the
 * municipalities' questionnaire systems would deliver them.
 */
public final class SyntheticKpro {

    /** A fictitious canonical for the synthetic "mental trivsel" schema. */
    public static final String QUESTIONNAIRE = "http://example.kpro.dk/Questionnaire/mental-trivsel|1.0";
    private static final String[][] QUESTIONS = {
            {"q1", "Hvordan har du haft det de seneste to uger?"},
            {"q2", "Hvor godt har du sovet?"},
            {"q3", "Hvor ofte har du følt dig ensom?"},
            {"q4", "Hvor tilfreds er du med din livssituation?"}};

    private final Random random;

    public SyntheticKpro(Random random) {
        this.random = random;
    }

    public QuestionnaireResponse response(SyntheticCitizens.Citizen citizen, Instant authored) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(UUID.nameUUIDFromBytes(("kpro" + citizen.cpr().value() + authored).getBytes()).toString());
        response.setQuestionnaire(QUESTIONNAIRE);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference().setIdentifier(new Identifier().setSystem(Cpr.SYSTEM)
                .setValue(citizen.cpr().value())));
        response.setAuthored(Date.from(authored));
        response.setAuthor(new Reference().setIdentifier(new Identifier().setSystem(SorCode.SYSTEM)
                .setValue(citizen.municipality().sor().value())).setDisplay(citizen.municipality().name()));
        for (String[] question : QUESTIONS) {
            int score = 1 + random.nextInt(5);
            response.addItem().setLinkId(question[0]).setText(question[1]).addAnswer()
                    .setValue(new Coding("http://example.kpro.dk/CodeSystem/skala-1-5", Integer.toString(score),
                            score + " af 5"));
        }
        response.addItem().setLinkId("q5").setText("Antal dage med motion den seneste uge").addAnswer()
                .setValue(new IntegerType(random.nextInt(8)));
        return response;
    }
}
