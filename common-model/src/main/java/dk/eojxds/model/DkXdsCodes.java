package dk.eojxds.model;

/**
 * Code values of the Danish XDS metadata profile (MedCom, "dk-medcom-xds-metadata") that this
 * system uses. Values whose national spelling is not settled (formatCode) are defaults only;
 * the services take them from configuration.
 */
public final class DkXdsCodes {

    public static final String CLASS_CODE_SCHEME = "1.2.208.184.100.9";
    public static final String FORMAT_CODE_SCHEME = "1.2.208.184.100.10";
    public static final String LOINC = "2.16.840.1.113883.6.1";
    public static final String SNOMED_CT = "2.16.840.1.113883.6.96";
    public static final String CONFIDENTIALITY_SCHEME = "2.16.840.1.113883.5.25";
    /** NPU terminology, including the Danish (DNK) local codes. */
    public static final String NPU = "1.2.208.176.2.1";
    /** MedCom's analysis codes (MCS…), a code system of MedCom's own, not part of NPU. */
    public static final String MEDCOM_ANALYSIS_CODES = "1.2.208.184.100.8";
    /**
     * The measurement codes of the Danish XDS eventCodeList value set (MedCom's
     * MedCom-xds-eventcodelist-VS); a measurement outside it is shown in the document but not named
     * in the metadata, whose eventCodeList must be drawn from that value set.
     */
    public static final java.util.Set<String> EVENT_CODE_MEASUREMENTS = java.util.Set.of("NPU03804", "NPU19748",
            "NPU22089", "NPU03963", "DNK05472", "DNK05473", "NPU21692", "MCS88100", "MCS88015", "MCS88019", "MCS88020",
            "MCS88050", "MCS88137", "MCS88021");

    /** The code system a measurement code belongs to: MedCom's for MCS codes, NPU's for the rest. */
    public static String measurementCodeSystem(String code) {
        return code != null && code.startsWith("MCS") ? MEDCOM_ANALYSIS_CODES : NPU;
    }
    /** The same, as a FHIR coding system. */
    public static final String NPU_SYSTEM = "urn:oid:" + NPU;
    /** Root of ClinicalDocument.id in Danish CDA documents. */
    public static final String CDA_DOCUMENT_ID_ROOT = "1.2.208.184";
    /** homeCommunityId of the Danish national infrastructure in production. */
    public static final String HOME_COMMUNITY_ID_PRODUCTION = "urn:oid:1.2.208.176.8.1";
    public static final String LANGUAGE_DANISH = "da-DK";

    public static final Code CLASS_CLINICAL_REPORT = new Code("001", CLASS_CODE_SCHEME, "Klinisk rapport");
    public static final Code CONFIDENTIALITY_NORMAL = new Code("N", CONFIDENTIALITY_SCHEME, "Normal");

    public static final Code TYPE_PHMR = new Code("53576-5", LOINC, "Personal Health Monitoring Report");
    public static final Code TYPE_QRD = new Code("74465-6", LOINC, "Questionnaire Response Document");
    /**
     * The FSIII overview: a municipality's plan of care (conditions, planned and delivered
     * interventions, follow-up). Not MedCom's problem-list code (11450-4, PLR) nor a code the national
     * value set gives another MedCom document; see docs/documents.md, "FSIII document type".
     */
    public static final Code TYPE_FSIII_OVERVIEW = new Code("18776-5", LOINC, "Plan of care note");
    /** IHE's formatCode for documents whose mimeType says all (ITI TF-3 4.2.3.2.9), its own scheme. */
    public static final String IHE_FORMAT_CODE_SCHEME = "1.3.6.1.4.1.19376.1.2.3";

    /** PHMR-DK 2.1, MedCom's current PHMR release. */
    public static final Code FORMAT_PHMR = new Code("urn:ad:dk:medcom:phmr-v2.1:full", FORMAT_CODE_SCHEME,
            "DK PHMR schema");
    /** PHMR-DK 1.3 (deprecationDate 2025-05-13 in MedCom's value set), for a receiver that still needs it. */
    public static final Code FORMAT_PHMR_1_3 = new Code("urn:ad:dk:medcom:phmr-v1.3:full", FORMAT_CODE_SCHEME,
            "DK PHMR schema");
    public static final Code FORMAT_QRD = new Code("urn:ad:dk:medcom:qrd-v1.3:full", FORMAT_CODE_SCHEME,
            "DK QRD schema");

    public static final Code FACILITY_HOME_NURSING = new Code("550621000005101", SNOMED_CT, "hjemmesygeplejeenhed");
    public static final Code FACILITY_HOME_CARE = new Code("554821000005109", SNOMED_CT, "hjemmeplejeenhed");
    public static final Code FACILITY_MUNICIPALITY = new Code("547211000005108", SNOMED_CT, "kommune");

    public static final Code PRACTICE_HOME_NURSING = new Code("658161000005107", SNOMED_CT, "hjemmesygepleje");
    public static final Code PRACTICE_HOME_CARE = new Code("658171000005102", SNOMED_CT, "hjemmepleje");
    public static final Code PRACTICE_PREVENTION = new Code("658151000005105", SNOMED_CT,
            "sundhedsfremme og forebyggelse");

    private DkXdsCodes() {
    }
}
