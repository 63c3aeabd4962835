package dk.eojxds.repository.documents;

import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.model.SorCode;
import dk.eojxds.repository.conformance.ConformanceChecker;
import dk.eojxds.repository.conformance.DanishCdaProfiles;
import java.util.ArrayList;
import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import org.springframework.stereotype.Component;

/**
 * The last look before a document is stored: its metadata is complete and describes its bytes,
 * and a CDA document meets every conformance statement of its release ({@link DanishCdaProfiles},
 * chosen by the formatCode), each violation reported with the statement's id. FHIR documents were
 * validated by HAPI when built.
 */
@Component
public class DocumentChecks {

    /** @throws InvalidDocumentException with every problem found */
    public void verify(NewDocument document) {
        DocumentMetadata m = document.metadata();
        List<String> problems = new ArrayList<>();
        if (!m.hash().equals(MetadataFactory.sha1(document.content()))) {
            problems.add("hash does not match the content");
        }
        if (m.size() != document.content().length) {
            problems.add("size does not match the content");
        }
        require(problems, m.title(), "title");
        require(problems, m.creationTime(), "creationTime");
        require(problems, m.classCode(), "classCode");
        require(problems, m.typeCode(), "typeCode");
        require(problems, m.formatCode(), "formatCode");
        require(problems, m.healthcareFacilityTypeCode(), "healthcareFacilityTypeCode");
        require(problems, m.practiceSettingCode(), "practiceSettingCode");
        require(problems, m.serviceStartTime(), "serviceStartTime");
        require(problems, m.serviceStopTime(), "serviceStopTime");
        if (m.serviceStartTime() != null && m.serviceStopTime() != null && m.serviceStartTime().isAfter(m.serviceStopTime())) {
            problems.add("serviceStartTime is after serviceStopTime");
        }
        if (!DkXdsCodes.LANGUAGE_DANISH.equals(m.languageCode())) {
            problems.add("languageCode must be da-DK");
        }
        if ("text/xml".equals(m.mimeType())) {
            problems.addAll(cdaHeader(document.content(), m));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException("document " + m.uniqueId() + " fails its checks: "
                    + String.join("; ", problems));
        }
    }

    private static void require(List<String> problems, Object value, String name) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(name + " is missing");
        }
    }

    private static final ConformanceChecker PHMR_2_1 = new ConformanceChecker(DanishCdaProfiles.phmr21());
    private static final ConformanceChecker PHMR_1_3 = new ConformanceChecker(DanishCdaProfiles.phmr13());
    private static final ConformanceChecker QRD_1_3_2 = new ConformanceChecker(DanishCdaProfiles.qrd132());

    /** The rules of the release the formatCode names; null for a format we have no rules for. */
    public static ConformanceChecker profile(String formatCode) {
        if (DkXdsCodes.FORMAT_PHMR.code().equals(formatCode)) {
            return PHMR_2_1;
        }
        if (DkXdsCodes.FORMAT_PHMR_1_3.code().equals(formatCode)) {
            return PHMR_1_3;
        }
        return DkXdsCodes.FORMAT_QRD.code().equals(formatCode) ? QRD_1_3_2 : null;
    }

    private static List<String> cdaHeader(byte[] content, DocumentMetadata m) {
        List<String> problems = new ArrayList<>();
        XdmNode document;
        try {
            document = ConformanceChecker.parse(content);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        ConformanceChecker profile = profile(m.formatCode().code());
        if (profile == null) {
            problems.add("no conformance rules for formatCode " + m.formatCode().code());
        } else {
            profile.check(document).forEach(violation -> problems.add(violation.toString()));
        }
        // the metadata must describe these bytes
        check(problems, document, "/h:ClinicalDocument/h:id/@root", DkXdsCodes.CDA_DOCUMENT_ID_ROOT, "id root");
        check(problems, document, "/h:ClinicalDocument/h:id/@extension", m.uniqueId(), "id extension (uniqueId)");
        check(problems, document, "/h:ClinicalDocument/h:code/@code", m.typeCode().code(), "type code");
        check(problems, document, "/h:ClinicalDocument/h:recordTarget/h:patientRole/h:id/@extension",
                m.patient().value(), "recordTarget CPR");
        check(problems, document,
                "/h:ClinicalDocument/h:author/h:assignedAuthor/h:representedOrganization/h:id[@root='" + SorCode.OID
                        + "']/@extension", m.author().sor().value(), "author organisation SOR (authorInstitution)");
        if (m.patientName() != null) {
            check(problems, document, "/h:ClinicalDocument/h:recordTarget/h:patientRole/h:patient/h:name/h:family",
                    m.patientName().family(), "patient family name (PID-5 of sourcePatientInfo)");
        }
        return problems;
    }

    private static void check(List<String> problems, XdmNode document, String path, String expected, String what) {
        String actual = ConformanceChecker.valueOf(document, path);
        if (!expected.equals(actual)) {
            problems.add(what + " is '" + actual + "', expected '" + expected + "'");
        }
    }
}
