package dk.eojxds.repository.documents.kpro;

import dk.eojxds.repository.documents.CdaHeader;
import dk.eojxds.repository.documents.CdaXml;
import static dk.eojxds.repository.documents.CdaXml.empty;
import static dk.eojxds.repository.documents.CdaXml.start;
import static dk.eojxds.repository.documents.CdaXml.text;

import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.citizen.CitizenDemographics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;

/**
 * Writes a QRD-DK 1.3.2 (Questionnaire Response Document, MedCom profile) CDA document for one
 * K-PRO response: the Danish header (templates 1.2.208.184.13.1 and 13.1.1.1, the qrd-v1.3 version
 * block and the answering period, the citizen as author, no legal authenticator), and a response
 * section (…10.20.33.2.1) with a table of questions and answers and one organizer (…33.4.1) holding
 * a response-pattern observation per answer (numeric …33.4.4, multiple choice …33.4.5, text
 * …33.4.6), each with its question as originalText and a reference to the questionnaire's form
 * document (QFDD) from K-PRO's catalogue.
 */
public class QrdDocumentBuilder {

    static final String QRD_DK_TEMPLATE = "1.2.208.184.13.1";
    static final String QRD_DK_DOCUMENT_TEMPLATE = "1.2.208.184.13.1.1.1";
    static final String RESPONSE_SECTION_TEMPLATE = "2.16.840.1.113883.10.20.33.2.1";
    static final String RESPONSE_ORGANIZER_TEMPLATE = "2.16.840.1.113883.10.20.33.4.1";
    static final String QFDD_REFERENCE_TEMPLATE = "1.2.208.184.6.1";
    static final String QFDD_REFERENCE_ROOT = "2.16.840.1.113883.4.873";
    static final String QFDD_TYPE = "74468-0";

    /** A question with its answer, flattened from nested items in document order. */
    public record Answer(String linkId, String question, Type value) {
    }

    /** The questions (linkIds) are coded under the catalogue's {@code questionCodeSystem}. */
    public byte[] build(QuestionnaireResponse response, RepositoryProperties.Questionnaire questionnaire,
                 CitizenDemographics citizen, Organisation municipality, Instant dataAsOf, String documentId) {
        Instant authored = response.getAuthored().toInstant();
        CdaHeader header = new CdaHeader(List.of(QRD_DK_TEMPLATE, QRD_DK_DOCUMENT_TEMPLATE), documentId,
                DkXdsCodes.TYPE_QRD, questionnaire.title(), dataAsOf, citizen, municipality, false, "ACT",
                List.of(CdaHeader.ServiceEvent.version("qrd-v1.3"), CdaHeader.ServiceEvent.period(authored, authored)));
        List<Answer> answers = new ArrayList<>();
        flatten(response.getItem(), answers);
        return CdaXml.document(header, "self",
                xml -> section(xml, questionnaire, answers, documentId));
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

    private void section(XMLStreamWriter xml, RepositoryProperties.Questionnaire questionnaire, List<Answer> answers,
                         String documentId) throws XMLStreamException {
        start(xml, "component", "typeCode", "COMP", "contextConductionInd", "true");
        start(xml, "section", "classCode", "DOCSECT", "moodCode", "EVN");
        empty(xml, "templateId", "root", RESPONSE_SECTION_TEMPLATE);
        // QRD-DK 1.3.2 CONF:121: the response section's code is the response document's LOINC code
        empty(xml, "code", "code", DkXdsCodes.TYPE_QRD.code(), "codeSystem", DkXdsCodes.LOINC,
                "codeSystemName", "LOINC", "displayName", DkXdsCodes.TYPE_QRD.display());
        text(xml, "title", questionnaire.title());
        narrative(xml, answers);
        empty(xml, "languageCode", "code", DkXdsCodes.LANGUAGE_DANISH);
        start(xml, "entry", "typeCode", "DRIV", "contextConductionInd", "true");
        start(xml, "organizer", "classCode", "BATTERY", "moodCode", "EVN");
        empty(xml, "templateId", "root", RESPONSE_ORGANIZER_TEMPLATE);
        empty(xml, "id", "root", DkXdsCodes.CDA_DOCUMENT_ID_ROOT, "extension",
                DeterministicIds.documentUuid("qrd-organizer", documentId).toString(), "assigningAuthorityName", "MedCom");
        empty(xml, "statusCode", "code", "completed");
        for (int i = 0; i < answers.size(); i++) {
            start(xml, "component", "typeCode", "COMP", "contextConductionInd", "true");
            empty(xml, "sequenceNumber", "value", Integer.toString(i + 1));
            observation(xml, answers.get(i), questionnaire, documentId, "a" + (i + 1));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void narrative(XMLStreamWriter xml, List<Answer> answers) throws XMLStreamException {
        xml.writeStartElement("text");
        start(xml, "table", "width", "100%");
        xml.writeStartElement("thead");
        xml.writeStartElement("tr");
        text(xml, "th", "Spørgsmål");
        text(xml, "th", "Svar");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("tbody");
        for (int i = 0; i < answers.size(); i++) {
            start(xml, "tr", "ID", "a" + (i + 1));
            text(xml, "td", answers.get(i).question());
            text(xml, "td", QrdValues.readable(answers.get(i).value()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void observation(XMLStreamWriter xml, Answer answer, RepositoryProperties.Questionnaire questionnaire,
                             String documentId, String narrativeId) throws XMLStreamException {
        String questionSystem = questionnaire.questionCodeSystem();
        start(xml, "observation", "classCode", "OBS", "moodCode", "EVN");
        empty(xml, "templateId", "root", QrdValues.pattern(answer.value()));
        empty(xml, "id", "root", DkXdsCodes.CDA_DOCUMENT_ID_ROOT, "extension",
                DeterministicIds.documentUuid("qrd-answer", documentId, narrativeId).toString(),
                "assigningAuthorityName", "MedCom");
        start(xml, "code", "code", answer.linkId(), "codeSystem", questionSystem);
        text(xml, "originalText", answer.question());
        xml.writeEndElement();
        xml.writeStartElement("text");
        empty(xml, "reference", "value", "#" + narrativeId);
        xml.writeEndElement();
        empty(xml, "statusCode", "code", "completed");
        QrdValues.write(xml, answer.value(), questionSystem);
        start(xml, "reference", "typeCode", "REFR");
        empty(xml, "templateId", "root", QFDD_REFERENCE_TEMPLATE);
        start(xml, "externalDocument", "classCode", "DOC", "moodCode", "EVN");
        empty(xml, "id", "root", QFDD_REFERENCE_ROOT, "extension", questionnaire.formId());
        empty(xml, "code", "code", QFDD_TYPE, "codeSystem", DkXdsCodes.LOINC, "codeSystemName", "LOINC",
                "displayName", "Questionnaire Form Definition Document");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

}
