package dk.eojxds.testsupport.contract;

import static dk.eojxds.testsupport.contract.ElementContract.UNBOUNDED;
import static dk.eojxds.testsupport.contract.ElementContract.anyContent;
import static dk.eojxds.testsupport.contract.ElementContract.element;
import static dk.eojxds.testsupport.contract.ElementContract.text;

/**
 * The structures NSP publishes for the calls this system makes and answers, transcribed (not
 * copied) from the published definitions named on each, so tests can hold our clients and our
 * stand-ins to them (docs/security.md, "NSP calls and their contracts"):
 * <ul>
 *   <li>DGWS 1.0.1 headers and ID card: the {@code wsse:Security}, {@code saml:Assertion} and
 *       {@code medcom:Header} schemas NSP ships with its DGWS WSDLs (in "Det Gode CPR-opslag"
 *       1.0.4's {@code DetGodeCPROpslag-1.0.4-3.xsd}, {@code -4.xsd}, {@code -106.xsd},
 *       {@code -107.xsd});</li>
 *   <li>"Det Gode CPR-opslag" 1.0.4, operation {@code getPersonInformation}: its WSDL
 *       ({@code DetGodeCPROpslag-1.0.4.wsdl}, target namespace {@code urn:oio:medcom:cprservice:1.0.4})
 *       and the schemas it includes.</li>
 * </ul>
 */
public final class NspContracts {

    public static final String CPR_SERVICE = "urn:oio:medcom:cprservice:1.0.4";
    public static final String CPR_SOAP_ACTION = "http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/getPersonInformation";
    public static final String MEDCOM = "http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    static final String CPR_2005_03_18 = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/";
    static final String CPR_2005_11_24 = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/11/24/";
    static final String CPR_2006_01_17 = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2006/01/17/";
    static final String CPR_2006_09_01 = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2006/09/01/";
    static final String ITST_2005_02_22 = "http://rep.oio.dk/itst.dk/xml/schemas/2005/02/22/";
    static final String ITST_2005_06_24 = "http://rep.oio.dk/itst.dk/xml/schemas/2005/06/24/";
    static final String ITST_2006_01_17 = "http://rep.oio.dk/itst.dk/xml/schemas/2006/01/17/";
    static final String DKCC_2003_02_13 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/";
    static final String DKCC_2005_03_15 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/";
    static final String DKCC_2005_05_13 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/13/";

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";
    private static final String BOOLEAN = "true|false|1|0";
    // PersonCivilRegistrationIdentifierType: a valid day and month, then six digits
    private static final String CPR = "((((0[1-9]|[12][0-9]|3[01])(01|03|05|07|08|10|12))|((0[1-9]|[12][0-9]|30)"
            + "(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])02))[0-9]{6})|0000000000";

    private NspContracts() {
    }

    /** {@code wsse:Security} as DGWS has it: a timestamp, then the ID card. */
    public static final ElementContract SECURITY = element(WSSE, "Security",
            element(WSU, "Timestamp", text(WSU, "Created", DATE_TIME)),
            anyContent(SAML, "Assertion").optional(),
            anyContent(DSIG, "Signature").optional());

    /** The DGWS ID card (saml:Assertion as DGWS restricts it), its signature checked elsewhere. */
    public static final ElementContract ID_CARD = element(SAML, "Assertion",
            text(SAML, "Issuer", "[A-Za-z_][\\w.\\-]*"),
            element(SAML, "Subject",
                    text(SAML, "NameID", ".+").attribute("Format", "medcom:(cprnumber|ynumber|pnumber|skscode|"
                            + "cvrnumber|communalnumber|locationnumber|itsystemname|other)"),
                    element(SAML, "SubjectConfirmation",
                            text(SAML, "ConfirmationMethod", "urn:oasis:names:tc:SAML:2\\.0:cm:holder-of-key"),
                            element(SAML, "SubjectConfirmationData",
                                    element(DSIG, "KeyInfo", text(DSIG, "KeyName", "OCESSignature")))).optional()),
            element(SAML, "Conditions").attribute("NotBefore", DATE_TIME).attribute("NotOnOrAfter", DATE_TIME),
            element(SAML, "AttributeStatement",
                    element(SAML, "Attribute", text(SAML, "AttributeValue", ".*"))
                            .attribute("Name", "sosi:(IDCardID|IDCardVersion|IDCardType|AuthenticationLevel|"
                                    + "OCESCertHash)|medcom:(UserCivilRegistrationNumber|UserGivenName|UserSurName|"
                                    + "UserEmailAddress|UserRole|UserOccupation|UserAuthorizationCode|CareProviderID|"
                                    + "CareProviderName|ITSystemName)")
                            .occurs(1, UNBOUNDED))
                    .attribute("id", "IDCardData|UserLog|SystemLog").occurs(1, 3),
            anyContent(DSIG, "Signature").optional())
            .attribute("IssueInstant", DATE_TIME).attribute("Version", "2\\.0").attribute("id", "[A-Za-z_][\\w.\\-]*");

    /** {@code medcom:Header} (DGWS 1.0.1). */
    public static final ElementContract MEDCOM_HEADER = element(MEDCOM, "Header",
            text(MEDCOM, "SecurityLevel", "[1-5]").optional(),
            text(MEDCOM, "TimeOut", "5|30|480|1440|unbound").optional(),
            element(MEDCOM, "Linking",
                    text(MEDCOM, "FlowID", ".+").optional(),
                    text(MEDCOM, "MessageID", ".+"),
                    text(MEDCOM, "InResponseToMessageID", ".+").optional()),
            text(MEDCOM, "FlowStatus", "flow_running|flow_finalized_succesfully").optional(),
            text(MEDCOM, "Priority", "AKUT|HASTER|RUTINE").optional(),
            text(MEDCOM, "RequireNonRepudiationReceipt", "yes|no").optional());

    /** A DGWS fault's detail: {@code medcom:FaultCode}, one of DGWS's codes or the SOSI gateway's. */
    public static final ElementContract DGWS_FAULT_CODE = text(MEDCOM, "FaultCode", "syntax_error|"
            + "missing_required_header|security_level_failed|invalid_username_password|invalid_signature|"
            + "invalid_idcard|invalid_certificate|expired_idcard|not_authorized|illegal_HTTP_method|"
            + "nonrepudiation_not_supported|sosigw_[a-z_]+");

    /** {@code getPersonInformationIn}: the CPR number asked for. */
    public static final ElementContract CPR_REQUEST = element(CPR_SERVICE, "getPersonInformationIn",
            text(CPR_2005_03_18, "PersonCivilRegistrationIdentifier", CPR));

    private static final ElementContract NAME = element(ITST_2006_01_17, "PersonNameStructure",
            text(DKCC_2003_02_13, "PersonGivenName", ".{1,50}"),
            text(DKCC_2003_02_13, "PersonMiddleName", ".{1,40}").optional(),
            text(DKCC_2003_02_13, "PersonSurnameName", ".{1,40}"));

    private static final ElementContract REGULAR_PERSON = element(CPR_SERVICE, "RegularCPRPerson",
            element(CPR_SERVICE, "SimpleCPRPerson", NAME.optional(),
                    text(CPR_2005_03_18, "PersonCivilRegistrationIdentifier", CPR)),
            text(ITST_2005_02_22, "PersonNameForAddressingName", ".{1,34}").optional(),
            text(DKCC_2003_02_13, "PersonGenderCode", "male|female|unknown"),
            text(CPR_2005_11_24, "PersonInformationProtectionIndicator", BOOLEAN),
            element(CPR_2005_11_24, "PersonBirthDateStructure",
                    text(DKCC_2005_03_15, "BirthDate", DATE),
                    text(CPR_2005_11_24, "BirthDateUncertaintyIndicator", BOOLEAN)),
            element(CPR_SERVICE, "PersonCivilRegistrationStatusStructure",
                    text(CPR_SERVICE, "PersonCivilRegistrationStatusCode", "01|03|05|07|20|30|50|60|70|80|90"),
                    text(CPR_2006_01_17, "PersonCivilRegistrationStatusStartDate", DATE)));

    private static final ElementContract ADDRESS = element(CPR_SERVICE, "PersonAddressStructure",
            text(ITST_2005_06_24, "CareOfName", ".{0,34}").optional(),
            element(CPR_SERVICE, "AddressComplete",
                    element(CPR_SERVICE, "AddressAccess",
                            text(CPR_2005_03_18, "MunicipalityCode", "[0-9]{4}"),
                            text(CPR_SERVICE, "MunicipalityCodeStartDate", DATE).optional(),
                            text(CPR_2005_03_18, "StreetCode", "[0-9]{4}"),
                            text(DKCC_2003_02_13, "StreetBuildingIdentifier", "[1-9][0-9]{0,2}[A-Z]?").optional()),
                    element(CPR_SERVICE, "AddressPostal",
                            text(DKCC_2003_02_13, "MailDeliverySublocationIdentifier", ".{1,34}").optional(),
                            text(DKCC_2005_03_15, "StreetName", ".{1,40}"),
                            text(CPR_2005_03_18, "StreetNameForAddressingName", ".+").optional(),
                            text(DKCC_2003_02_13, "StreetBuildingIdentifier", "[1-9][0-9]{0,2}[A-Z]?").optional(),
                            text(DKCC_2003_02_13, "FloorIdentifier", "[1-9]|[1-9][0-9]|KL|ST|kl|st|k[2-9]|K[2-9]")
                                    .optional(),
                            text(DKCC_2003_02_13, "SuiteIdentifier", ".{1,4}").optional(),
                            text(DKCC_2005_03_15, "DistrictSubdivisionIdentifier", ".+").optional(),
                            text(DKCC_2005_05_13, "PostOfficeBoxIdentifier", ".+").optional(),
                            text(DKCC_2005_03_15, "PostCodeIdentifier", "[0-9]{4}"),
                            text(DKCC_2005_03_15, "DistrictName", ".{1,20}"),
                            text(DKCC_2003_02_13, "CountryIdentificationCode", ".+").optional())).optional(),
            text(CPR_2006_09_01, "PersonInformationProtectionStartDate", DATE).optional(),
            text(CPR_SERVICE, "CountyCode", "[0-9]{4}|99"));

    /** {@code getPersonInformationOut}: PersonInformationStructure. */
    public static final ElementContract CPR_ANSWER = element(CPR_SERVICE, "getPersonInformationOut",
            element(CPR_SERVICE, "PersonInformationStructure",
                    text(CPR_SERVICE, "CurrentPersonCivilRegistrationIdentifier", CPR).optional(),
                    text(CPR_SERVICE, "PriorPersonCivilRegistrationIdentifier", CPR).optional(),
                    REGULAR_PERSON,
                    ADDRESS,
                    anyContent(CPR_SERVICE, "PersonSpouseStructure").optional(),
                    anyContent(CPR_SERVICE, "PersonCustodyStructure").occurs(0, UNBOUNDED),
                    anyContent(CPR_SERVICE, "PersonWardStructure").occurs(0, UNBOUNDED)));
}
