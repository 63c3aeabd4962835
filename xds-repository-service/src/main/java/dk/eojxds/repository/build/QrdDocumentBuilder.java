package dk.eojxds.repository.build;

import static dk.eojxds.repository.build.CdaXml.empty;
import static dk.eojxds.repository.build.CdaXml.text;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

/**
 * Writes a QRD-DK (Questionnaire Response Document, MedCom profile) CDA document for one K-PRO
 * response: the Danish header, a narrative table of questions and answers, and one coded
 * observation per answer, organised under a reference to the questionnaire.
 */
@Component
class QrdDocumentBuilder {

    static final String QRD_TEMPLATE = "2.16.840.1.113883.10.20.32";
    static final String QRD_DK_TEMPLATE = "1.2.208.184.13.1";
    private static final String SECTION_TEMPLATE = "2.16.840.1.113883.10.20.32.2.1";

    /** A question with its answer, flattened from nested items in document order. */
    record Answer(String linkId, String question, Type value) {
    }

    static String title(QuestionnaireResponse response) {
        return "Besvarelse af spørgeskema " + PhmrDocumentBuilder.DANISH_DATE.format(
                response.getAuthored().toInstant().atZone(Hl7Time.DANISH_TIME));
    }

    byte[] build(QuestionnaireResponse response, Cpr citizen, Organisation author, Instant dataAsOf, String documentId) {
        Instant authored = response.getAuthored().toInstant();
        CdaHeader header = new CdaHeader(List.of(QRD_TEMPLATE, QRD_DK_TEMPLATE), documentId, DkXdsCodes.TYPE_QRD,
                title(response), dataAsOf, citizen, author, authored, authored);
        List<Answer> answers = new ArrayList<>();
        flatten(response.getItem(), answers);
        String questionSystem = DeterministicIds.oid(DeterministicIds.uuid("questionnaire", response.getQuestionnaire()));
        return CdaXml.document(header, xml -> section(xml, response, answers, questionSystem));
    }

    private static void flatten(List<QuestionnaireResponseItemComponent> items, List<Answer> answers) {
        for (QuestionnaireResponseItemComponent item : items) {
            for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                answers.add(new Answer(item.getLinkId(), item.hasText() ? item.getText() : item.getLinkId(),
                        answer.getValue()));
                flatten(answer.getItem(), answers);
            }
            flatten(item.getItem(), answers);
        }
    }

    private void section(XMLStreamWriter xml, QuestionnaireResponse response, List<Answer> answers,
                         String questionSystem) throws XMLStreamException {
        xml.writeStartElement("component");
        xml.writeAttribute("typeCode", "COMP");
        xml.writeAttribute("contextConductionInd", "true");
        xml.writeStartElement("section");
        xml.writeAttribute("classCode", "DOCSECT");
        xml.writeAttribute("moodCode", "EVN");
        empty(xml, "templateId", "root", SECTION_TEMPLATE);
        empty(xml, "code", "code", DkXdsCodes.TYPE_QRD.code(), "codeSystem", DkXdsCodes.LOINC,
                "displayName", DkXdsCodes.TYPE_QRD.display());
        text(xml, "title", "Spørgsmål og svar");
        xml.writeStartElement("text");
        xml.writeStartElement("table");
        xml.writeStartElement("thead");
        xml.writeStartElement("tr");
        text(xml, "th", "Spørgsmål");
        text(xml, "th", "Svar");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("tbody");
        for (int i = 0; i < answers.size(); i++) {
            xml.writeStartElement("tr");
            xml.writeAttribute("ID", "a" + (i + 1));
            text(xml, "td", answers.get(i).question());
            text(xml, "td", QrdValues.readable(answers.get(i).value()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("entry");
        xml.writeAttribute("typeCode", "DRIV");
        xml.writeStartElement("organizer");
        xml.writeAttribute("classCode", "BATTERY");
        xml.writeAttribute("moodCode", "EVN");
        empty(xml, "statusCode", "code", "completed");
        xml.writeStartElement("reference");
        xml.writeAttribute("typeCode", "REFR");
        xml.writeStartElement("externalDocument");
        xml.writeAttribute("classCode", "DOC");
        xml.writeAttribute("moodCode", "EVN");
        empty(xml, "id", "root", questionSystem);
        text(xml, "text", response.getQuestionnaire());
        xml.writeEndElement();
        xml.writeEndElement();
        for (int i = 0; i < answers.size(); i++) {
            observation(xml, answers.get(i), questionSystem, "a" + (i + 1));
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void observation(XMLStreamWriter xml, Answer answer, String questionSystem, String narrativeId)
            throws XMLStreamException {
        xml.writeStartElement("component");
        xml.writeAttribute("typeCode", "COMP");
        xml.writeStartElement("observation");
        xml.writeAttribute("classCode", "OBS");
        xml.writeAttribute("moodCode", "EVN");
        empty(xml, "code", "code", answer.linkId(), "codeSystem", questionSystem, "displayName", answer.question());
        xml.writeStartElement("text");
        empty(xml, "reference", "value", "#" + narrativeId);
        xml.writeEndElement();
        empty(xml, "statusCode", "code", "completed");
        QrdValues.write(xml, answer.value());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    static String codingSystemOid(Coding coding) {
        String system = coding.getSystem();
        return system != null && system.startsWith("urn:oid:") ? system.substring(8)
                : DeterministicIds.oid(DeterministicIds.uuid("code-system", String.valueOf(system)));
    }
}
