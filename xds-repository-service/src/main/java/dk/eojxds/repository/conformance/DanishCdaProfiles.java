package dk.eojxds.repository.conformance;

import static dk.eojxds.repository.conformance.Rule.of;
import static dk.eojxds.repository.conformance.Rule.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The conformance statements of MedCom's CDA profiles that our documents must meet, written by us
 * from the profiles (PHMR-DK 2.1.0 and 1.3, QRD-DK 1.3.2), each under the statement's id. They were
 * calibrated on MedCom's published example documents (see docs/documents.md, "Conformance checks"):
 * a rule that refuses one of MedCom's own examples of the same release is wrong.
 */
public final class DanishCdaProfiles {

    private static final String DOC = "/h:ClinicalDocument";
    private static final String PATIENT_ROLE = DOC + "/h:recordTarget/h:patientRole";
    private static final String SECTION = DOC + "/h:component/h:structuredBody/h:component/h:section";
    private static final String OBSERVATION = SECTION + "/h:entry/h:organizer/h:component/h:observation";
    private static final String BIRTH_TIME = "[0-9]{8}000000\\+0000";

    private DanishCdaProfiles() {
    }

    /** PHMR-DK 2.1.0 (MedCom, 2025). */
    public static List<Rule> phmr21() {
        List<Rule> rules = phmrCommon("PHMR-DK 2.1.0");
        rules.add(of("CONF-PHMR-DK-1/2", DOC, "count(h:templateId[@root='2.16.840.1.113883.10.20.9']) = 1 and "
                + "count(h:templateId[@root='1.2.208.184.11.1']) = 1", "one international and one Danish PHMR templateId"));
        rules.add(matching("CONF-PHMR-DK-6", DOC + "/h:id", "extension", Rule.UUID_V4,
                "the document id is a version 4 UUID"));
        rules.add(of("CONF-PHMR-DK-12/13", DOC + "/h:code", "@codeSystemName = 'LOINC' and "
                + "@displayName = 'Personal Health Monitoring Report'", "code labelled LOINC, Personal Health Monitoring Report"));
        rules.add(of("PHMR-DK 2.1.0 §2.1.4", DOC, "normalize-space(h:title) = 'Hjemmemålinger'",
                "the title is Hjemmemålinger"));
        rules.add(of("PHMR-DK 2.1.0 §2.1.12", DOC, "count(h:legalAuthenticator) <= 1", "at most one legalAuthenticator"));
        rules.add(of("CONF-PHMR-DK-57..66", DOC, "count(h:documentationOf/h:serviceEvent/h:id[starts-with(@extension, "
                + "'phmr-v')]) = 1 and h:documentationOf/h:serviceEvent[h:templateId/@root='1.2.208.184.10.1.10']"
                + "/h:id[@root='1.2.208.184.100.10']/@extension = 'phmr-v2.1'", "one version declaration phmr-v2.1"));
        rules.add(of("PHMR-DK 2.1.0 §2.2.3", OBSERVATION + "/h:code", "let $c := . return exists(//h:serviceEvent/h:code"
                + "[@code = $c/@code and @codeSystem = $c/@codeSystem])",
                "every measurement code has a header serviceEvent with that code and code system"));
        rules.add(of("CONF-PHMR-DK-74/132", DOC + "/h:documentationOf/h:serviceEvent/h:code | " + OBSERVATION + "/h:code",
                "not(starts-with(@code, 'NPU') or starts-with(@code, 'DNK')) or @codeSystem = '1.2.208.176.2.1'",
                "NPU and DNK codes under 1.2.208.176.2.1"));
        rules.add(of("CONF-PHMR-DK-75/133", DOC + "/h:documentationOf/h:serviceEvent/h:code | " + OBSERVATION + "/h:code",
                "not(starts-with(@code, 'MCS')) or @codeSystem = '1.2.208.184.100.8'", "MCS codes under 1.2.208.184.100.8"));
        return rules;
    }

    /** PHMR-DK 1.3 (MedCom, guide of 2 March 2020). */
    public static List<Rule> phmr13() {
        List<Rule> rules = phmrCommon("PHMR-DK 1.3");
        rules.add(of("PHMR-DK 1.3 §2.2-2.3", DOC, "h:templateId[@root='2.16.840.1.113883.10.20.9'] and "
                + "h:templateId[@root='1.2.208.184.11.1']", "the international and the Danish PHMR templateId"));
        rules.add(of("PHMR-DK 1.3 version", DOC + "/h:documentationOf/h:serviceEvent/h:id[starts-with(@extension, 'phmr-v')]",
                "@extension = 'phmr-v1.3' and count(/h:ClinicalDocument/h:documentationOf/h:serviceEvent/h:id"
                        + "[starts-with(@extension, 'phmr-v')]) = 1", "a version declaration, if any, is a single phmr-v1.3"));
        return rules;
    }

    private static List<Rule> phmrCommon(String release) {
        List<Rule> rules = new ArrayList<>();
        rules.add(of(release + " §2.1 code", DOC, "count(h:code) = 1 and h:code/@code = '53576-5' and "
                + "h:code/@codeSystem = '2.16.840.1.113883.6.1'", "one code 53576-5 (LOINC)"));
        rules.add(of("CONF-PHMR-DK-7/8", DOC + "/h:id", "normalize-space(@root) != '' and "
                + "normalize-space(@assigningAuthorityName) != ''", "id with root and assigningAuthorityName"));
        rules.add(of(release + " §2.2 serviceEvent", DOC, "h:documentationOf/h:serviceEvent", "a monitoring service event"));
        rules.add(of("CONF-PHMR-DK-50/60/70", DOC + "/h:documentationOf/h:serviceEvent", "@classCode = 'MPROT'",
                "service events are monitoring programmes (MPROT)"));
        rules.add(of(release + " §2.2.1 period", DOC, "h:documentationOf/h:serviceEvent/h:effectiveTime",
                "the monitoring period"));
        rules.add(of(release + " recordTarget", PATIENT_ROLE, "h:id[@root='1.2.208.176.1.2' and "
                + "@assigningAuthorityName='CPR' and normalize-space(@extension) != ''] and h:addr and h:patient/h:name "
                + "and h:patient/h:administrativeGenderCode and h:patient/h:birthTime", "the patient by CPR, address, name, "
                + "sex and birth time"));
        rules.add(matching(release + " birthTime", PATIENT_ROLE + "/h:patient/h:birthTime", "value", BIRTH_TIME,
                "birth time as YYYYMMDD000000+0000"));
        rules.add(of(release + " author", DOC + "/h:author/h:assignedAuthor", "h:id[@root='1.2.208.176.1.2' or "
                + "@root='1.2.208.176.1.1'] and h:representedOrganization/h:id[@root='1.2.208.176.1.1']",
                "the author by CPR or SOR on behalf of an organisation by SOR"));
        rules.add(of("CONF-PHMR-DK-78", DOC + "/h:component", "@typeCode = 'COMP' and count(h:structuredBody) = 1",
                "component COMP with one structured body"));
        rules.add(of("CONF-PHMR-DK-81/82", DOC + "/h:component/h:structuredBody", "@classCode = 'DOCBODY' and "
                + "@moodCode = 'EVN'", "structuredBody DOCBODY/EVN"));
        rules.add(of("CONF-PHMR-DK-83", DOC + "/h:component/h:structuredBody", "count(h:component) >= 1 and "
                + "count(h:component) <= 2", "one or two sections"));
        rules.add(of("CONF-PHMR-DK-85/86", DOC + "/h:component/h:structuredBody/h:component", "@typeCode = 'COMP' and "
                + "count(h:section) = 1", "component COMP with one section"));
        rules.add(of("CONF-PHMR-DK-87/88", SECTION, "@classCode = 'DOCSECT' and @moodCode = 'EVN'", "section DOCSECT/EVN"));
        rules.add(of("CONF-PHMR-DK-94..97", SECTION, "count(h:code) = 1 and (h:code/@code = '8716-3' or "
                + "h:code/@code = '30954-2') and h:code/@codeSystem = '2.16.840.1.113883.6.1'",
                "section coded Vital signs or Results (LOINC)"));
        rules.add(of("CONF-PHMR-DK-101/104/105", SECTION, "count(h:title) = 1 and count(h:text) = 1 and h:entry",
                "section with title, text and entries"));
        rules.add(of(release + " methodCode", OBSERVATION, "count(h:methodCode) = 2",
                "two methodCodes per measurement: who measured, how it was transferred"));
        return rules;
    }

    /** QRD-DK 1.3.2 (MedCom, 27 May 2025). Ids: {@code C} = CONF, {@code DK} = CONF-DK. */
    public static List<Rule> qrd132() {
        String q = "QRD-DK 1.3.2 ";
        String author = DOC + "/h:author/h:assignedAuthor";
        String custodian = DOC + "/h:custodian/h:assignedCustodian/h:representedCustodianOrganization";
        String response = "//h:section[h:templateId/@root='2.16.840.1.113883.10.20.33.2.1']";
        String answer = "//h:observation[h:templateId/@root='2.16.840.1.113883.10.20.33.4.4' or h:templateId/@root="
                + "'2.16.840.1.113883.10.20.33.4.5' or h:templateId/@root='2.16.840.1.113883.10.20.33.4.6' or "
                + "h:templateId/@root='2.16.840.1.113883.10.20.33.4.7' or h:templateId/@root='2.16.840.1.113883.10.20.33.4.8']";
        List<Rule> rules = new ArrayList<>();
        rules.add(of(q + "C1/C3/C9/C11/C14-17", DOC, "count(h:realmCode) = 1 and count(h:typeId) = 1 and count(h:id) = 1 "
                + "and count(h:code) = 1 and count(h:title) = 1 and count(h:effectiveTime) = 1 and "
                + "count(h:confidentialityCode) = 1 and count(h:languageCode) = 1", "the header's single elements"));
        rules.add(of(q + "C4/C5", DOC + "/h:typeId", "@root = '2.16.840.1.113883.1.3' and @extension = 'POCD_HD000040'",
                "typeId POCD_HD000040"));
        rules.add(of(q + "C112-113", DOC, "count(h:templateId[@root='1.2.208.184.13.1.1.1']) = 1 and "
                + "count(h:templateId[@root='1.2.208.184.13.1']) = 1", "templates 1.2.208.184.13.1 and 13.1.1.1"));
        rules.add(matching(q + "id", DOC + "/h:id", "extension", Rule.UUID_V4, "document id a version 4 UUID"));
        rules.add(of(q + "DK3", DOC + "/h:code", "@code = '74465-6' and @codeSystem = '2.16.840.1.113883.6.1'",
                "code 74465-6 (LOINC)"));
        rules.add(of(q + "DK4", DOC + "/h:confidentialityCode", "@code = 'N'", "confidentiality N"));
        rules.add(of(q + "C18/C19/DK5/C21/C22/C23", DOC, "count(h:recordTarget) = 1 and count(h:recordTarget/h:patientRole) = 1 "
                + "and count(h:recordTarget/h:patientRole/h:id) = 1 and count(h:recordTarget/h:patientRole/h:addr) = 1 and "
                + "count(h:recordTarget/h:patientRole/h:telecom) >= 1 and count(h:recordTarget/h:patientRole/h:patient) = 1",
                "one patient with id, address, telecom"));
        rules.add(of(q + "C24/C25", PATIENT_ROLE + "/h:patient", "count(h:name) = 1 and count(h:administrativeGenderCode) = 1 "
                + "and count(h:birthTime) = 1", "name, sex, birth time"));
        rules.add(matching(q + "DK6-8", PATIENT_ROLE + "/h:patient/h:birthTime", "value", BIRTH_TIME,
                "birth time as YYYYMMDD000000+0000"));
        rules.add(of(q + "C29/C30/C31", DOC, "count(h:author) >= 1 and not(h:author[count(h:time) != 1 or "
                + "count(h:assignedAuthor) != 1])", "authors with time and assignedAuthor"));
        rules.add(of(q + "C32/C36/C37/DK9/C40", author, "count(h:id) = 1 and h:addr and h:telecom and "
                + "count(h:assignedPerson) = 1 and h:assignedPerson/h:name", "author id, address, telecom, a named person"));
        rules.add(of(q + "AUTHOR-ORGANISATION/DK39-44", author, "count(h:representedOrganization) = 1 and "
                + "count(h:representedOrganization/h:id) = 1 and h:representedOrganization/h:id[@root='1.2.208.176.1.1' and "
                + "@assigningAuthorityName='SOR' and normalize-space(@extension) != ''] and h:representedOrganization/h:telecom "
                + "and h:representedOrganization/h:addr", "on behalf of an organisation by SOR, with telecom and address"));
        rules.add(of(q + "DK30/DK31/DK34", author + "/h:id", "(@root = '1.2.208.176.1.2' and @assigningAuthorityName = 'CPR' "
                + "or @root = '1.2.208.176.1.1' and @assigningAuthorityName = 'SOR') and normalize-space(@extension) != ''",
                "author by CPR or SOR"));
        rules.add(of(q + "C34/DK37", author + "[h:id/@extension = /h:ClinicalDocument/h:recordTarget/h:patientRole/h:id/@extension]",
                "count(h:code) = 1 and h:code/@code = 'SELF' and h:code/@codeSystem = '2.16.840.1.113883.5.111' and "
                        + "h:code/@codeSystemName = 'HL7 Role code' and h:code/@displayName = 'self'",
                "the patient as author carries the role SELF, labelled 'self'"));
        rules.add(of(q + "C60-C65/C67", DOC, "count(h:custodian) = 1 and count(h:custodian/h:assignedCustodian) = 1 and "
                + "count(h:custodian/h:assignedCustodian/h:representedCustodianOrganization) = 1", "one custodian organisation"));
        rules.add(of(q + "C63-C67", custodian, "h:id and count(h:name) = 1 and count(h:telecom) = 1 and count(h:addr) = 1",
                "custodian with id, name, telecom, address"));
        rules.add(of(q + "NO-LEGALAUTHENTICATOR", DOC, "not(h:legalAuthenticator) and not(h:authenticator) and "
                + "not(h:informant)", "no legalAuthenticator, authenticator or informant"));
        rules.add(of(q + "DK11", DOC, "count(h:documentationOf) = 2 and not(h:documentationOf[count(h:serviceEvent) != 1])",
                "two documentationOf, one serviceEvent each"));
        rules.add(of(q + "DK12-15", DOC + "/h:documentationOf[1]/h:serviceEvent", "count(h:templateId[@root="
                + "'1.2.208.184.10.1.10']) = 1 and count(h:id) = 1 and h:id/@assigningAuthorityName = 'MedCom' and "
                + "h:id/@extension = 'qrd-v1.3' and h:id/@root = '1.2.208.184.100.10'", "first: the version declaration qrd-v1.3"));
        rules.add(of(q + "DK16-17", DOC + "/h:documentationOf[2]/h:serviceEvent", "count(h:effectiveTime) = 1 and "
                + "count(h:effectiveTime/h:low[@value]) = 1 and count(h:effectiveTime/h:high) = 1 and "
                + "(h:effectiveTime/h:high/@value or h:effectiveTime/h:high/@nullFlavor)", "second: the answering period"));
        rules.add(of(q + "C114-117", DOC, "count(h:component) = 1 and count(h:component/h:structuredBody) = 1 and "
                + "h:component/h:structuredBody/h:component and not(h:component/h:structuredBody/h:component[count(h:section) != 1])",
                "a structured body of sections"));
        rules.add(of(q + "C119-125", response, "count(h:templateId[@root='2.16.840.1.113883.10.20.33.2.1']) = 1 and "
                + "count(h:code) = 1 and count(h:text) = 1 and h:entry", "response section with code, text and entries"));
        rules.add(of(q + "C121", response + "/h:code", "@code = '74465-6'", "response section code 74465-6"));
        rules.add(of(q + "C126/C127", response + "/h:entry", "@typeCode = 'DRIV' and count(h:organizer[h:templateId/@root="
                + "'2.16.840.1.113883.10.20.33.4.1']) = 1", "entries DRIV, each one response organizer"));
        rules.add(of(q + "DK20-24", "//h:section[h:templateId/@root='2.16.840.1.113883.10.20.32.2.1']", "not(h:entry) and "
                + "count(h:text) = 1", "information-only sections have text and no entries"));
        rules.add(of(q + "5.9 REFERENCE", answer, "h:reference[@typeCode='REFR']/h:templateId[@root='1.2.208.184.6.1'] and "
                + "count(h:reference/h:externalDocument[@classCode='DOC']) = 1 and "
                + "h:reference/h:externalDocument/h:id[@root='2.16.840.1.113883.4.873'] and "
                + "h:reference/h:externalDocument/h:code[@code='74468-0' and @codeSystem='2.16.840.1.113883.6.1']",
                "every answer refers to its questionnaire form document (QFDD)"));
        rules.add(matching(q + "5.9.1", answer + "/h:reference/h:externalDocument/h:id", "extension", Rule.UUID_V4,
                "the form document's id is a version 4 UUID"));
        return rules;
    }
}
